// The part of Amazon's checkout.js API this shop uses, as seen from the browser.
import type { ActionResult } from "@/lib/action-result";
import { toDecimalString, type Money } from "@/lib/money";

export interface AmazonPayPrice {
  amount: string;
  currencyCode: string;
}

/** Amazon's Price shape, for the buttons' estimatedOrderAmount (no zod in the browser bundle). */
export const amazonPayPrice = (value: Money): AmazonPayPrice => ({
  amount: toDecimalString(value),
  currencyCode: value.currency,
});

export interface AmazonPayButtonHandle {
  onClick(callback: () => void): void;
  initCheckout(options: {
    createCheckoutSessionConfig: unknown;
    estimatedOrderAmount?: AmazonPayPrice;
  }): void;
}

export interface AmazonPayGlobal {
  Pay: {
    renderButton(selector: string, options: Record<string, unknown>): AmazonPayButtonHandle;
    renderJSButton(selector: string, options: Record<string, unknown>): unknown;
    bindChangeAction(
      selector: string,
      options: { amazonCheckoutSessionId: string; changeAction: "changeAddress" | "changePayment" },
    ): void;
    signout(): void;
  };
}

export function amazonPayGlobal(): AmazonPayGlobal | undefined {
  return (window as unknown as { amazon?: AmazonPayGlobal }).amazon;
}

/** How a checkout.js handler (Buy Now's onInitCheckout, ...) reports a failure. */
export interface CheckoutJsError {
  status: "error";
  reasonCode: string;
  message: string;
}

export function checkoutJsError(result: Extract<ActionResult<unknown>, { ok: false }>): CheckoutJsError {
  return { status: "error", reasonCode: result.code ?? "InvalidRequest", message: result.error };
}

/** A server action's result as a checkout.js handler answers: the data, or the error. */
export function checkoutJsAnswer<T>(result: ActionResult<T>): T | CheckoutJsError {
  return result.ok ? result.data : checkoutJsError(result);
}
