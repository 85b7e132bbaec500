// Everything the buyer is told when checkout cannot go on, by code. Pages receive only the
// code (?checkout=...), never free text, so a link cannot put words in the shop's mouth.
import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";

export const CHECKOUT_NOTICES = {
  "payment-failed": PAYMENT_FAILED_MESSAGE,
  "session-expired": "Your Amazon Pay session has expired. Please start checkout again.",
  "session-unknown": "We could not find that Amazon Pay checkout. Please start checkout again.",
  "session-foreign": "That Amazon Pay checkout belongs to another cart. Please start checkout again.",
  "session-canceled": "Your Amazon Pay checkout was canceled. You can start again whenever you are ready.",
  "session-used": "That Amazon Pay checkout was already used for an order. Please start checkout again.",
  "cart-empty": "Your cart is empty, so there is nothing to check out.",
  "cart-changed": "Your cart changed. Please review your order again.",
  "amazon-unavailable":
    "Amazon Pay is not answering right now. Nothing was charged. Please try again in a moment.",
  unshippable: "We cannot ship to the address you chose. Please choose another address.",
  "rate-limited":
    "Too many checkout attempts from your network just now. Please wait a minute and try again.",
} as const;

export type CheckoutNotice = keyof typeof CHECKOUT_NOTICES;

/**
 * What the result page's action says once it is done. An order whose payment Amazon has not
 * confirmed yet (Complete unanswered, or still processing) is not announced as placed.
 */
export const COMPLETION_MESSAGES = {
  placed: "Thank you! Your order is placed.",
  unconfirmed: "We are still confirming your payment with Amazon Pay. Your order page shows the outcome.",
} as const;

export function isCheckoutNotice(value: unknown): value is CheckoutNotice {
  return typeof value === "string" && Object.hasOwn(CHECKOUT_NOTICES, value);
}

export const cartUrlWithNotice = (notice: CheckoutNotice) => `/cart?checkout=${notice}`;
