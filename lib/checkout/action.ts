"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { formFields } from "@/lib/http/form-fields";
import { currentCartId, currentCartKey } from "@/lib/cart/server";
import { db } from "@/lib/db";
import { SHIPPING_METHOD_IDS } from "@/lib/pricing/shipping-methods";
import { currentExchangeRate } from "@/lib/presentment/server";
import { findBinding } from "./binding";
import { completeCheckout } from "./complete";
import { cartUrlWithNotice, CHECKOUT_NOTICES, COMPLETION_MESSAGES, type CheckoutNotice } from "./messages";
import { placeOrder } from "./place-order";
import { checkoutSessionIdSchema } from "./session-id";

const placeOrderInput = z.object({
  sessionId: checkoutSessionIdSchema,
  fingerprint: z
    .string({ error: "Please review your order again." })
    .regex(/^[A-Za-z0-9_-]{32}$/, { error: "Please review your order again." }),
});

/** "Place order": freezes the order, updates the Checkout Session and sends the buyer to Amazon. */
export async function placeOrderAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const input = placeOrderInput.safeParse(formFields(form, ["sessionId", "fingerprint"]));
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Please review your order again.");
  const cart = await currentCartKey();
  if (!cart) return failure(CHECKOUT_NOTICES["cart-empty"]);
  const result = await placeOrder({
    sessionId: input.data.sessionId,
    cartToken: cart.token,
    fingerprint: input.data.fingerprint,
    rate: await currentExchangeRate(),
  });
  if (!result.ok) {
    if (result.notice === "session-used" && result.orderNumber) redirect(`/orders/${result.orderNumber}`);
    if (result.notice && result.notice !== "session-used") redirect(cartUrlWithNotice(result.notice));
    refresh();
    return failure(result.error);
  }
  redirect(result.redirectUrl); // outside any try/catch: redirect() works by throwing
}

const shippingInput = z.object({
  sessionId: checkoutSessionIdSchema,
  shippingMethod: z.enum(SHIPPING_METHOD_IDS, { error: "Choose a shipping method." }),
});

/** The review page's shipping method (a plain form: it always redirects back to the review). */
export async function chooseShippingMethodFormAction(form: FormData): Promise<never> {
  const input = shippingInput.safeParse(formFields(form, ["sessionId", "shippingMethod"]));
  const sessionId = input.success
    ? input.data.sessionId
    : checkoutSessionIdSchema.safeParse(formFields(form, ["sessionId"]).sessionId).data;
  if (!sessionId) redirect(cartUrlWithNotice("session-unknown"));
  const cart = await currentCartKey();
  const binding = cart ? await findBinding(db(), sessionId, cart) : null;
  if (!binding) redirect(cartUrlWithNotice("session-foreign"));
  if (input.success)
    await db().checkoutSessionBinding.update({
      where: { id: binding.id },
      data: { shippingMethod: input.data.shippingMethod },
    });
  redirect(`/checkout/review?amazonCheckoutSessionId=${encodeURIComponent(sessionId)}`);
}

/** Back to the cart, which explains why checkout cannot go on. */
const backToCart = (notice: CheckoutNotice): ActionResult =>
  failure(CHECKOUT_NOTICES[notice], { redirectTo: cartUrlWithNotice(notice) });

/**
 * Runs when the result page mounts (never during a render, so prefetching or reloading the
 * page has no side effect). Every answer says where the buyer goes next (redirectTo).
 */
export async function completeCheckoutAction(rawSessionId: unknown): Promise<ActionResult> {
  const sessionId = checkoutSessionIdSchema.safeParse(rawSessionId);
  if (!sessionId.success) return backToCart("session-unknown");
  const cartId = await currentCartId();
  if (!cartId) return backToCart("session-foreign");
  const result = await completeCheckout(sessionId.data, cartId, "return");
  refresh(); // the header's cart count changes when the order takes the items out of the cart
  switch (result.kind) {
    case "placed":
    case "unconfirmed":
      return success(undefined, {
        message: COMPLETION_MESSAGES[result.kind],
        redirectTo: `/orders/${result.orderNumber}`,
      });
    case "failed":
      return backToCart("payment-failed");
    case "not-found":
      return backToCart("session-unknown");
  }
}

/** The result page's no-JavaScript fallback: the same completion, answered with a redirect. */
export async function completeCheckoutFormAction(form: FormData): Promise<never> {
  const result = await completeCheckoutAction(formFields(form, ["sessionId"]).sessionId);
  redirect(result.redirectTo ?? "/cart");
}
