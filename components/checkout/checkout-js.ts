// The part of Amazon's checkout.js API this shop uses, as seen from the browser.
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
