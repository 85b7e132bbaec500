// The API at the HTTP level, with requests signed exactly like the SDKs sign them: shared setup
// and helpers of the suites in this folder.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningEmulator } from "../../src/index";
import { addMerchant, call, REVIEW_URL, startTestEmulator, type TestMerchant } from "../helpers";

export let emulator: RunningEmulator;
export let merchant: TestMerchant;
export let legacy: TestMerchant;

/** Registers the suite's hooks; the `let` bindings above are set by them. */
export function setUpApi(): void {
  beforeAll(async () => {
    emulator = await startTestEmulator();
    merchant = addMerchant(emulator);
    legacy = addMerchant(emulator, { publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B" });
  });
  beforeEach(() => {
    emulator.emulator.reset();
    emulator.emulator.updateConfig({
      rejectPendingWithAuthorizeWithCapture: true,
      foreignObjectError: "UnauthorizedAccess",
    });
  });
  afterAll(() => emulator.close());
}

export const createBody = (m: TestMerchant = merchant, extra: Record<string, unknown> = {}) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: m.record.storeId,
  ...extra,
});
export const create = (extra: Record<string, unknown> = {}, key?: string) =>
  call(emulator, merchant, {
    method: "POST",
    path: "/v2/checkoutSessions",
    body: createBody(merchant, extra),
    idempotencyKey: key,
  });

export const SESSION_KEYS = [
  "checkoutSessionId",
  "webCheckoutDetails",
  "productType",
  "paymentDetails",
  "chargePermissionType",
  "orderType",
  "recurringMetadata",
  "paymentMethodOnFileMetadata",
  "merchantDetails",
  "merchantMetadata",
  "supplementaryData",
  "buyer",
  "billingAddress",
  "paymentPreferences",
  "statusDetails",
  "shippingAddress",
  "platformId",
  "chargePermissionId",
  "chargeId",
  "constraints",
  "creationTimestamp",
  "expirationTimestamp",
  "storeId",
  "providerMetadata",
  "releaseEnvironment",
  "checkoutButtonText",
  "deliverySpecifications",
  "tokens",
];
