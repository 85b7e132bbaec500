// The standard checkout through the hosted pages, over HTTP, for every emulator instrument and
// payment intent: signed button payload → hosted page → review redirect → Update → processing →
// result redirect → Complete. This module holds the suites' shared setup and helpers.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { RunningEmulator } from "../../src/index";
import {
  addMerchant,
  call,
  chooseOnHostedPage,
  clickButton,
  RESULT_URL,
  REVIEW_URL,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "../helpers";

export let emulator: RunningEmulator;
export let merchant: TestMerchant;

/** Registers the suite's hooks; the `let` bindings above are set by them. */
export function setUpHostedFlows(): void {
  beforeAll(async () => {
    emulator = await startTestEmulator({ config: { asyncDelayMs: 100 } });
    merchant = addMerchant(emulator);
  });
  beforeEach(() => emulator.emulator.reset());
  afterAll(() => emulator.close());
}

export type Intent = "Authorize" | "AuthorizeWithCapture" | "Confirm";
export const INSTRUMENTS = {
  "1111": "visa-1111",
  "0005": "amex-0005",
  "4444": "mastercard-4444",
  "9424": "discover-9424",
  "0000": "jcb-0000",
  "3434": "visa-3434",
  "3064": "mastercard-3064",
  "0701": "visa-0701",
  "4354": "discover-4354",
} as const;
export const USD = (amount: string) => ({ amount, currencyCode: "USD" });

export const payload = (extra: Record<string, unknown> = {}) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: merchant.record.storeId,
  ...extra,
});

/** Button → hosted page → review → Update → processing → result. Returns the session id. */
export async function throughProcessing(
  last4: keyof typeof INSTRUMENTS,
  intent: Intent,
  canHandlePendingAuthorization: boolean,
): Promise<string> {
  const id = await clickButton(emulator, merchant, payload());
  const review = await chooseOnHostedPage(emulator, id, { paymentMethodId: INSTRUMENTS[last4] });
  expect(review).toBe(`https://shop.example/checkout/review?step=review&amazonCheckoutSessionId=${id}`);
  const updated = await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent: intent, canHandlePendingAuthorization, chargeAmount: USD("49.90") },
    },
  });
  expect(updated.status).toBe(200);
  expect(updated.body.constraints).toEqual([]);
  const redirectUrl = (updated.body.webCheckoutDetails as Record<string, string>).amazonPayRedirectUrl!;
  expect(redirectUrl).toBe(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  const processed = await visit(redirectUrl);
  expect(processed.status).toBe(303);
  expect(processed.headers.get("location")).toBe(`${RESULT_URL}?amazonCheckoutSessionId=${id}`);
  return id;
}

export const complete = (id: string, amount = "49.90") =>
  call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount: USD(amount) },
  });
export const get = (path: string) => call(emulator, merchant, { method: "GET", path });
