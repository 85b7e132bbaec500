// Conformance through the official Amazon Pay Node SDK (@amazonpay/amazon-pay-api-sdk-nodejs, a
// devDependency), over TLS to the emulator as if it were pay-api.amazon.com (see tls.ts). Each
// suite checks what the SDK's own integration tests check against Amazon: status codes,
// response keys and error reasonCodes. This module holds the shared setup and helpers.
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { RunningEmulator } from "../../src/index";
import {
  addMerchant,
  chooseOnHostedPage,
  keyPair,
  RESULT_URL,
  REVIEW_URL,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "../helpers";
import { amazonHostCertificate, routeSdkTo } from "./tls";

export interface SdkResponse {
  status: number;
  data: Record<string, unknown>;
}
type Call = Promise<SdkResponse>;
type Headers = Record<string, string> | null;
type Body = Record<string, unknown>;

/** The WebStoreClient methods these suites call (the SDK ships no types). */
export interface WebStoreClient {
  generateButtonSignature(payload: Body | string): string;
  getBuyer(buyerToken: string, headers?: Headers): Call;
  createCheckoutSession(payload: Body, headers: Headers): Call;
  getCheckoutSession(id: string, headers?: Headers): Call;
  updateCheckoutSession(id: string, payload: Body, headers?: Headers): Call;
  completeCheckoutSession(id: string, payload: Body, headers?: Headers): Call;
  finalizeCheckoutSession(id: string, payload: Body, headers?: Headers): Call;
  getChargePermission(id: string, headers?: Headers): Call;
  updateChargePermission(id: string, payload: Body, headers?: Headers): Call;
  closeChargePermission(id: string, payload: Body, headers?: Headers): Call;
  createCharge(payload: Body, headers: Headers): Call;
  getCharge(id: string, headers?: Headers): Call;
  updateCharge(id: string, payload: Body, headers?: Headers): Call;
  captureCharge(id: string, payload: Body, headers?: Headers): Call;
  cancelCharge(id: string, payload: Body, headers?: Headers): Call;
  createRefund(payload: Body, headers: Headers): Call;
  getRefund(id: string, headers?: Headers): Call;
  deliveryTrackers(payload: Body, headers?: Headers): Call;
  getReports(query?: Body | null, headers?: Headers): Call;
  getReportById(id: string, headers?: Headers): Call;
  getReportDocument(id: string, headers?: Headers): Call;
  getReportSchedules(reportTypes?: string | string[] | null, headers?: Headers): Call;
  getReportScheduleById(id: string, headers?: Headers): Call;
  createReport(payload: Body, headers: Headers): Call;
  createReportSchedule(payload: Body, headers: Headers): Call;
  cancelReportSchedule(id: string, headers?: Headers): Call;
  getAuthorizationToken(mwsAuthToken: string, merchantId: string, headers?: Headers): Call;
  registerAmazonPayAccount(payload: Body, headers?: Headers): Call;
  createMerchantAccount(payload: Body, headers?: Headers): Call;
  merchantAccountClaim(id: string, payload: Body, headers?: Headers): Call;
  createDispute(payload: Body, headers: Headers): Call;
  getDispute(id: string, headers?: Headers): Call;
  updateDispute(id: string, payload: Body, headers?: Headers): Call;
  contestDispute(id: string, payload: Body, headers?: Headers): Call;
  uploadFile(payload: Body, headers: Headers): Call;
}

export interface InStoreClient {
  merchantScan(payload: Body, headers?: Headers): Call;
  charge(payload: Body, headers?: Headers): Call;
  refund(payload: Body, headers?: Headers): Call;
}

interface SdkModule {
  WebStoreClient: new (config: Body) => WebStoreClient;
  InStoreClient: new (config: Body) => InStoreClient;
}

const sdk = createRequire(import.meta.url)("@amazonpay/amazon-pay-api-sdk-nodejs") as SdkModule;

export let emulator: RunningEmulator;
export let merchant: TestMerchant;
/** The SDK with its default algorithm (AMZN-PAY-RSASSA-PSS) and with V2. */
export let webStore: WebStoreClient;
export let webStoreV2: WebStoreClient;
export let inStore: InStoreClient;

const sdkConfig = (m: TestMerchant, algorithm?: string): Body => ({
  publicKeyId: m.publicKeyId,
  privateKey: keyPair(0).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  region: "us",
  sandbox: true,
  ...(algorithm ? { algorithm } : {}),
});

/** Registers the suite's hooks: one emulator with a TLS listener per file, reset before each test. */
export function setUpSdk(): void {
  let undo = () => {};
  beforeAll(async () => {
    const tls = amazonHostCertificate();
    // Refunds stay RefundInitiated during a test; nothing here waits for them.
    emulator = await startTestEmulator({ config: { asyncDelayMs: 30_000 }, tls });
    merchant = addMerchant(emulator);
    undo = routeSdkTo(emulator.tlsPort!, tls.cert);
    webStore = new sdk.WebStoreClient(sdkConfig(merchant));
    webStoreV2 = new sdk.WebStoreClient(sdkConfig(merchant, "AMZN-PAY-RSASSA-PSS-V2"));
    inStore = new sdk.InStoreClient(sdkConfig(merchant));
  });
  beforeEach(() => emulator.emulator.reset());
  afterAll(async () => {
    undo();
    await emulator.close();
  });
}

/** A fresh x-amz-pay-idempotency-key header, as the SDK's tests make them (UUID without dashes). */
export const keyHeaders = (): Record<string, string> => ({
  "x-amz-pay-idempotency-key": crypto.randomUUID().replace(/-/g, ""),
});

export const USD = (amount: string) => ({ amount, currencyCode: "USD" });

/** The SDK rejects with axios's error; this is its HTTP answer. */
export async function sdkError(call: Call): Promise<{ status: number; reasonCode: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const response = (
      error as { response?: { status: number; data: { reasonCode: string; message: string } } }
    ).response;
    if (!response) throw error;
    return { status: response.status, reasonCode: response.data.reasonCode, message: response.data.message };
  }
  throw new Error("the call succeeded");
}

export async function expectSdkError(call: Call, status: number, reasonCode: string): Promise<void> {
  expect(await sdkError(call)).toMatchObject({ status, reasonCode });
}

/** Create (through the SDK), buyer on the hosted page, Update, amazonPayRedirectUrl: ready to Complete. */
export async function sessionReadyToComplete(
  client: WebStoreClient,
  paymentDetails: Body,
  headers: Headers = keyHeaders(),
): Promise<string> {
  const created = await client.createCheckoutSession(
    { webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL }, storeId: merchant.record.storeId },
    headers,
  );
  const id = String(created.data.checkoutSessionId);
  await chooseOnHostedPage(emulator, id);
  const updated = await client.updateCheckoutSession(id, {
    webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
    paymentDetails,
  });
  const redirect = (updated.data.webCheckoutDetails as { amazonPayRedirectUrl: string }).amazonPayRedirectUrl;
  await visit(redirect);
  return id;
}

/** A Chargeable OneTime permission for `amount` USD. */
export async function chargeablePermission(client: WebStoreClient, amount = "50.00"): Promise<string> {
  const id = await sessionReadyToComplete(client, { paymentIntent: "Confirm", chargeAmount: USD(amount) });
  const completed = await client.completeCheckoutSession(id, { chargeAmount: USD(amount) });
  return String(completed.data.chargePermissionId);
}
