"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { currentCartId, currentOrNewCartId } from "@/lib/cart/server";
import { productSlugSchema } from "@/lib/catalog/product";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing/quote";
import { SHIPPING_METHOD_IDS } from "@/lib/pricing/shipping-methods";
import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";
import {
  chooseBuyNowDelivery,
  completeBuyNow,
  repriceBuyNow,
  startBuyNow,
  type BuyNowAnswer,
  type CartDetailsAnswer,
} from "./buy-now";
import { checkoutSessionIdSchema } from "./session-id";

// What checkout.js hands to the Buy Now handlers, reduced to what pricing needs. The address
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

type HandlerAnswer = CartDetailsAnswer | { status: "error"; reasonCode: string; message: string };
const toHandlerAnswer = (answer: BuyNowAnswer): HandlerAnswer =>
  answer.ok
    ? answer.cartDetails
    : { status: "error", reasonCode: answer.reasonCode, message: answer.message };
const invalid: HandlerAnswer = {
  status: "error",
  reasonCode: "InvalidRequest",
  message: "The checkout request was not valid.",
};

const initInput = z.object({
  sessionId: checkoutSessionIdSchema,
  slug: productSlugSchema,
  quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
  shippingAddress: addressInput,
});

export async function buyNowInitAction(raw: unknown): Promise<HandlerAnswer> {
  const input = initInput.safeParse(raw);
  if (!input.success) return invalid;
  const cartId = await currentOrNewCartId();
  return toHandlerAnswer(
    await startBuyNow({
      sessionId: input.data.sessionId,
      cartId,
      slug: input.data.slug,
      quantity: input.data.quantity,
      address: input.data.shippingAddress,
    }),
  );
}

const addressChangeInput = z.object({ sessionId: checkoutSessionIdSchema, shippingAddress: addressInput });

export async function buyNowAddressAction(raw: unknown): Promise<HandlerAnswer> {
  const input = addressChangeInput.safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId) return invalid;
  return toHandlerAnswer(
    await repriceBuyNow({ sessionId: input.data.sessionId, cartId, address: input.data.shippingAddress }),
  );
}

const deliveryInput = z.object({
  sessionId: checkoutSessionIdSchema,
  deliveryOptionId: z.enum(SHIPPING_METHOD_IDS),
  shippingAddress: addressInput,
});

export async function buyNowDeliveryAction(raw: unknown): Promise<HandlerAnswer> {
  const input = deliveryInput.safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId) return invalid;
  return toHandlerAnswer(
    await chooseBuyNowDelivery({
      sessionId: input.data.sessionId,
      cartId,
      method: input.data.deliveryOptionId,
      address: input.data.shippingAddress,
    }),
  );
}

export type BuyNowCompletion =
  | { status: "success"; next: string }
  | { status: "error"; reasonCode: string; message: string; next?: string };

export async function buyNowCompleteAction(raw: unknown): Promise<BuyNowCompletion> {
  const input = z.object({ sessionId: checkoutSessionIdSchema }).safeParse(raw);
  const cartId = await currentCartId();
  if (!input.success || !cartId)
    return { status: "error", reasonCode: "InvalidRequest", message: "The checkout request was not valid." };
  const result = await completeBuyNow({ sessionId: input.data.sessionId, cartId });
  refresh();
  switch (result.kind) {
    case "placed":
    case "unconfirmed":
      return { status: "success", next: `/orders/${result.orderNumber}` };
    case "failed":
      return {
        status: "error",
        reasonCode: "PaymentFailed",
        message: PAYMENT_FAILED_MESSAGE,
        next: `/orders/${result.orderNumber}`,
      };
    case "not-found":
      return {
        status: "error",
        reasonCode: "InvalidSession",
        message: "This checkout belongs to another cart.",
      };
    case "refused":
      return { status: "error", reasonCode: result.code, message: result.message };
  }
}
