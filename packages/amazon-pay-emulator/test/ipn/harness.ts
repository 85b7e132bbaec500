// IPNs: SNS envelopes signed like AWS signs them, verifiable with the certificate the emulator
// serves; retries; fault-injected drops; subscription confirmation; replay. This module holds the
// suites' shared setup and helpers.
import { X509Certificate } from "node:crypto";
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
import { startIpnReceiver } from "../ipn-receiver";

export let emulator: RunningEmulator;
export let merchant: TestMerchant;
export let receiver: Awaited<ReturnType<typeof startIpnReceiver>>;

/** Registers the suite's hooks; the `let` bindings above are set by them. */
export function setUpIpn(): void {
  beforeAll(async () => {
    receiver = await startIpnReceiver();
    emulator = await startTestEmulator({ config: { asyncDelayMs: 50 } });
    merchant = addMerchant(emulator, { ipnUrl: receiver.url });
  });
  beforeEach(async () => {
    // Deliveries still in flight from the previous test must not reach this one's receiver.
    await emulator.emulator.ipn.idle();
    emulator.emulator.reset();
    receiver.deliveries.length = 0;
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });
}

export const USD = (amount: string) => ({ amount, currencyCode: "USD" });

/** A completed AuthorizeWithCapture checkout; returns its charge id and permission id. */
export async function capturedCheckout(): Promise<{ chargeId: string; chargePermissionId: string }> {
  const id = await clickButton(emulator, merchant, {
    webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
    storeId: merchant.record.storeId,
  });
  await chooseOnHostedPage(emulator, id);
  await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent: "AuthorizeWithCapture", chargeAmount: USD("20.00") },
    },
  });
  await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  const done = await call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount: USD("20.00") },
  });
  return { chargeId: String(done.body.chargeId), chargePermissionId: String(done.body.chargePermissionId) };
}

export async function certificateFor(envelope: Record<string, string>): Promise<X509Certificate> {
  const response = await fetch(envelope.SigningCertURL!);
  expect(response.status).toBe(200);
  return new X509Certificate(await response.text());
}
