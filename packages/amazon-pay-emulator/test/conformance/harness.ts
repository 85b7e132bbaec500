// Conformance: the typed client (@storefront/amazon-pay) driven against the emulator through every
// operation and every documented error the emulator emulates. The client validates every
// response with its zod schemas, so an emulator object that strays from the documented shape
// fails as a contract error. This module holds the suites' shared setup and helpers.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { createAmazonPayClient, type AmazonPayClient } from "@storefront/amazon-pay/client";
import { loadAmazonPayConfig } from "@storefront/amazon-pay/config";
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import type { RunningEmulator } from "../../src/index";
import {
  addMerchant,
  chooseOnHostedPage,
  keyPair,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  sessionIdFrom,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "../helpers";

// Live bindings, set by the hooks that setUpConformance registers.
export let emulator: RunningEmulator;
export let merchant: TestMerchant;
export let amazonPay: AmazonPayClient;

const pem = (index: number) => keyPair(index).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

export function clientFor(
  m: TestMerchant,
  privateKeyIndex = 0,
  options: Parameters<typeof createAmazonPayClient>[1] = {},
): AmazonPayClient {
  return createAmazonPayClient(
    loadAmazonPayConfig({
      merchantId: m.record.merchantId,
      storeId: m.record.storeId,
      publicKeyId: m.publicKeyId,
      privateKey: pem(privateKeyIndex),
      baseUrl: emulator.url,
    }),
    { sleep: () => Promise.resolve(), ...options },
  );
}

/** Registers the hooks of a conformance suite: one emulator per file, reset before each test. */
export function setUpConformance(): void {
  beforeAll(async () => {
    emulator = await startTestEmulator({ config: { asyncDelayMs: 60 } });
    merchant = addMerchant(emulator);
    amazonPay = clientFor(merchant);
  });
  beforeEach(() => {
    emulator.emulator.reset();
    emulator.emulator.updateConfig({ maxChargesPerChargePermission: 25, maxRefundsPerCharge: 10 });
  });
  afterAll(() => emulator.close());
}

export const USD = (amount: string) => ({ amount, currencyCode: "USD" });

async function rejection(promise: Promise<unknown>): Promise<AmazonPayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AmazonPayError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}

export async function expectApiError(
  promise: Promise<unknown>,
  status: number,
  reasonCode: string,
): Promise<AmazonPayError> {
  const error = await rejection(promise);
  expect({ kind: error.kind, status: error.status, reasonCode: error.reasonCode }).toEqual({
    kind: "api",
    status,
    reasonCode,
  });
  expect(error.requestId).toBeTruthy();
  return error;
}

/** A buyer goes through the hosted pages with the button config the client signs; returns the session id. */
export async function buyerCheckout(
  paymentDetails: Record<string, unknown>,
  paymentMethodId = "visa-1111",
  extra: Record<string, unknown> = {},
): Promise<string> {
  const config = amazonPay.checkoutButtonConfig({
    webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
    storeId: merchant.record.storeId,
    ...extra,
  });
  const started = await postForm(emulator, "/checkout/start", {
    ...config,
    merchantId: merchant.record.merchantId,
  });
  const id = sessionIdFrom(started.headers.get("location"));
  await chooseOnHostedPage(emulator, id, { paymentMethodId });
  const { data } = await amazonPay.checkoutSessions.update(id, {
    webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
    paymentDetails,
  });
  await visit(data.webCheckoutDetails?.amazonPayRedirectUrl ?? "");
  return id;
}

export async function chargeablePermission(amount = "100.00"): Promise<string> {
  const id = await buyerCheckout({ paymentIntent: "Confirm", chargeAmount: USD(amount) });
  const { data } = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD(amount) });
  return data.chargePermissionId!;
}
