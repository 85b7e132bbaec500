"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { currentCartId, currentOrNewCartId } from "@/lib/cart/server";
import { productSlugSchema } from "@/lib/catalog/product";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing/quote";
import { SHIPPING_METHOD_IDS } from "@/lib/pricing/shipping-methods";
import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";
import {
  buyNowStartUrl,
  chooseBuyNowDelivery,
  completeBuyNow,
  repriceBuyNow,
  startBuyNow,
  type BuyNowAnswer,
  type CartDetailsAnswer,
} from "./buy-now";
import { checkoutSessionIdSchema } from "./session-id";

// What checkout.js hands to the Buy Now handlers, reduced to what pricing needs. An address
// only chooses shipping and tax for the displayed totals; Finalize re-reads it from Amazon.
const addressInput = z
  .object({
    addressLine1: z.string().max(180).nullish(),
    addressLine2: z.string().max(60).nullish(),
    addressLine3: z.string().max(60).nullish(),
    countryCode: z.string().max(2).nullish(),
    stateOrRegion: z.string().max(50).nullish(),
  })
  .nullish()
  .transform((value) => value ?? null);

// Failures carry checkout.js's reasonCode as their code; the button hands both on to checkout.js.
type CartDetailsResult = ActionResult<CartDetailsAnswer>;
const toResult = (answer: BuyNowAnswer): CartDetailsResult =>
  answer.ok ? success(answer.cartDetails) : failure(answer.message, { code: answer.reasonCode });
const invalid = () => failure("The checkout request was not valid.", { code: "InvalidRequest" });

const initInput = z.object({
  sessionId: checkoutSessionIdSchema,
  slug: productSlugSchema,
  quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
  shippingAddress: addressInput,
  // A PayOnly checkout (nothing to ship) shares only this one; it chooses the sales tax.
  billingAddress: addressInput,
});

export async function buyNowInitAction(raw: unknown): Promise<CartDetailsResult> {
  const input = initInput.safeParse(raw);
  if (!input.success) return invalid();
  const cartId = await currentOrNewCartId();
  return toResult(
    await startBuyNow({
      sessionId: input.data.sessionId,
      cartId,
      slug: input.data.slug,
      quantity: input.data.quantity,
      address: input.data.shippingAddress,
      billingAddress: input.data.billingAddress,
    }),
  );
}

const addressChangeInput = z.object({ sessionId: checkoutSessionIdSchema, shippingAddress: addressInput });

export async function buyNowAddressAction(raw: unknown): Promise<CartDetailsResult> {
  const input = addressChangeInput.safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId) return invalid();
  return toResult(
    await repriceBuyNow({ sessionId: input.data.sessionId, cartId, address: input.data.shippingAddress }),
  );
}

const deliveryInput = z.object({
  sessionId: checkoutSessionIdSchema,
  deliveryOptionId: z.enum(SHIPPING_METHOD_IDS),
  shippingAddress: addressInput,
});

export async function buyNowDeliveryAction(raw: unknown): Promise<CartDetailsResult> {
  const input = deliveryInput.safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId) return invalid();
  return toResult(
    await chooseBuyNowDelivery({
      sessionId: input.data.sessionId,
      cartId,
      method: input.data.deliveryOptionId,
      address: input.data.shippingAddress,
    }),
  );
}

/** Finalizes the Buy Now checkout; redirectTo is the order page once there is an order. */
export async function buyNowCompleteAction(raw: unknown): Promise<ActionResult> {
  const input = z.object({ sessionId: checkoutSessionIdSchema }).safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId) return invalid();
  const result = await completeBuyNow({ sessionId: input.data.sessionId, cartId });
  refresh();
  switch (result.kind) {
    case "placed":
    case "unconfirmed":
      return success(undefined, { redirectTo: `/orders/${result.orderNumber}` });
    case "failed":
      // Back to the start of checkout (the product page), which says the payment failed.
      return failure(PAYMENT_FAILED_MESSAGE, {
        code: "PaymentFailed",
        redirectTo: await buyNowStartUrl(input.data.sessionId, "payment-failed"),
      });
    case "not-found":
      return failure("This checkout belongs to another cart.", { code: "InvalidSession" });
    case "refused":
      return failure(result.message, { code: result.code });
  }
}
