// Conformance: the typed client (lib/amazon-pay) driven against the emulator through every
// operation and every documented error the emulator emulates. The client validates every
// response with its zod schemas, so an emulator object that strays from the documented shape
// fails here as a contract error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAmazonPayClient, type AmazonPayClient } from "@storefront/amazon-pay/client";
import { loadAmazonPayConfig } from "@storefront/amazon-pay/config";
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import type { RunningEmulator } from "../src/index";
import {
  addMerchant,
  BUYERS,
  chooseOnHostedPage,
  eventually,
  keyPair,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  emulatorJson,
  sessionIdFrom,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;
let amazonPay: AmazonPayClient;

const pem = (index: number) => keyPair(index).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

function clientFor(
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

const USD = (amount: string) => ({ amount, currencyCode: "USD" });

async function rejection(promise: Promise<unknown>): Promise<AmazonPayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AmazonPayError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}

async function expectApiError(
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
async function buyerCheckout(
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

async function chargeablePermission(amount = "100.00"): Promise<string> {
  const id = await buyerCheckout({ paymentIntent: "Confirm", chargeAmount: USD(amount) });
  const { data } = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD(amount) });
  return data.chargePermissionId!;
}

describe("conformance with the typed client: operations", () => {
  it("Create, Get, Update and Complete Checkout Session", async () => {
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    expect(created.status).toBe(201);
    expect(created.data.statusDetails.state).toBe("Open");
    expect(created.data.constraints?.map((c) => c.constraintId)).toContain("BuyerNotAssociated");
    const got = await amazonPay.checkoutSessions.get(created.data.checkoutSessionId);
    expect(got.data.checkoutSessionId).toBe(created.data.checkoutSessionId);
    const id = await buyerCheckout({ paymentIntent: "Authorize", chargeAmount: USD("25.00") });
    const completed = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("25.00") });
    expect(completed.status).toBe(200);
    expect(completed.data.statusDetails.state).toBe("Completed");
    expect(completed.data.chargeId).toMatch(/^S01-\d{7}-\d{7}-C\d{6}$/);
  });

  it("Complete answers 202 for a pending authorization", async () => {
    const id = await buyerCheckout(
      { paymentIntent: "Authorize", canHandlePendingAuthorization: true, chargeAmount: USD("25.00") },
      "visa-0701",
    );
    const completed = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("25.00") });
    expect(completed.status).toBe(202);
    const charge = await amazonPay.charges.get(completed.data.chargeId!);
    expect(charge.data.statusDetails.state).toBe("AuthorizationInitiated");
    await eventually(
      async () =>
        (await amazonPay.charges.get(completed.data.chargeId!)).data.statusDetails.state === "Authorized" ||
        undefined,
    );
  });

  it("Finalize Checkout Session (Buy Now)", async () => {
    const started = await emulatorJson<{ amazonCheckoutSessionId: string }>(
      emulator,
      "/checkout/buy-now/sessions",
      {
        body: {
          merchantId: merchant.record.merchantId,
          checkoutSessionConfig: {
            storeId: merchant.record.storeId,
            paymentDetails: { paymentIntent: "Authorize" },
          },
        },
      },
    );
    const id = started.body.amazonCheckoutSessionId;
    const base = `/checkout/buy-now/sessions/${id}`;
    await emulatorJson(emulator, `${base}/selection`, {
      body: { buyerId: BUYERS.chloe, addressId: "chloe-munich", paymentMethodId: "visa-1111" },
    });
    await emulatorJson(emulator, `${base}/cart`, {
      body: {
        event: "init",
        cartDetails: {
          totalBaseAmount: USD("10.00"),
          totalShippingAmount: USD("0.00"),
          totalTaxAmount: USD("0.00"),
          totalChargeAmount: USD("10.00"),
          deliveryOptions: [
            {
              id: "std",
              price: USD("0.00"),
              shippingMethod: { shippingMethodName: "Free", shippingMethodCode: "FREE" },
              isDefault: true,
            },
          ],
        },
      },
    });
    const event = (
      await emulatorJson<{
        shippingAddress: {
          name: string;
          addressLine1: string;
          city: string;
          postalCode: string;
          countryCode: string;
          phoneNumber: string;
        };
      }>(emulator, `${base}/confirm`, { body: {} })
    ).body;
    const { name, addressLine1, city, postalCode, countryCode, phoneNumber } = event.shippingAddress;
    const finalized = await amazonPay.checkoutSessions.finalize(id, {
      chargeAmount: USD("10.00"),
      paymentIntent: "Authorize",
      shippingAddress: { name, addressLine1, city, postalCode, countryCode, phoneNumber },
    });
    expect(finalized.status).toBe(200);
    expect(finalized.data.statusDetails.state).toBe("Completed");
    expect(finalized.data.cartDetails?.totalChargeAmount).toEqual(USD("10.00"));
  });

  it("Get, Update and Close Charge Permission", async () => {
    const permissionId = await chargeablePermission();
    const got = await amazonPay.chargePermissions.get(permissionId);
    expect(got.data).toMatchObject({
      chargePermissionType: "OneTime",
      limits: { amountLimit: USD("100.00"), amountBalance: USD("100.00") },
    });
    expect(got.data.buyer?.buyerId).toBe(BUYERS.ava);
    const updated = await amazonPay.chargePermissions.update(permissionId, {
      merchantMetadata: { merchantReferenceId: "order-77", merchantStoreName: "Harbor & Pine" },
    });
    expect(updated.data.merchantMetadata).toMatchObject({
      merchantReferenceId: "order-77",
      merchantStoreName: "Harbor & Pine",
    });
    const closed = await amazonPay.chargePermissions.close(permissionId, {
      closureReason: "Order shipped",
      cancelPendingCharges: false,
    });
    expect(closed.data.statusDetails).toMatchObject({
      state: "Closed",
      reasons: [{ reasonCode: "MerchantClosed" }],
    });
  });

  it("Create, Get, Capture and Cancel Charge", async () => {
    const permissionId = await chargeablePermission();
    const first = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("40.00"),
    });
    expect(first.status).toBe(201);
    expect(first.data.statusDetails.state).toBe("Authorized");
    const captured = await amazonPay.charges.capture(first.data.chargeId, {
      captureAmount: USD("40.00"),
      softDescriptor: "HARBOR PINE",
    });
    expect(captured.data).toMatchObject({
      statusDetails: { state: "Captured" },
      captureAmount: USD("40.00"),
      softDescriptor: "HARBOR PINE",
    });
    const second = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("20.00"),
    });
    const canceled = await amazonPay.charges.cancel(second.data.chargeId, {
      cancellationReason: "Out of stock",
    });
    expect(canceled.data.statusDetails).toMatchObject({ state: "Canceled", reasonCode: "MerchantCanceled" });
    const third = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("60.00"),
      captureNow: true,
      softDescriptor: "HARBOR",
    });
    expect(third.data.statusDetails.state).toBe("Captured");
    expect((await amazonPay.charges.get(third.data.chargeId)).data.chargeId).toBe(third.data.chargeId);
    // 40 + 60 captured: the OneTime permission is fully captured and closes.
    expect((await amazonPay.chargePermissions.get(permissionId)).data.statusDetails.state).toBe("Closed");
  });

  it("Create and Get Refund", async () => {
    const permissionId = await chargeablePermission();
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("50.00"),
      captureNow: true,
    });
    const refund = await amazonPay.refunds.create({
      chargeId: charge.data.chargeId,
      refundAmount: USD("20.00"),
    });
    expect(refund.status).toBe(201);
    expect(refund.data.statusDetails.state).toBe("RefundInitiated");
    const settled = await eventually(async () => {
      const r = await amazonPay.refunds.get(refund.data.refundId);
      return r.data.statusDetails.state === "Refunded" ? r : undefined;
    });
    expect(settled.data.refundAmount).toEqual(USD("20.00"));
    expect((await amazonPay.charges.get(charge.data.chargeId)).data.refundedAmount).toEqual(USD("20.00"));
  });

  it("Create Delivery Tracker", async () => {
    const permissionId = await chargeablePermission();
    const tracker = await amazonPay.deliveryTrackers.create({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    });
    expect(tracker.data).toMatchObject({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    });
  });

  it("Get Buyer", async () => {
    const config = amazonPay.signButtonPayload(
      JSON.stringify({
        signInReturnUrl: "https://shop.example/account",
        storeId: merchant.record.storeId,
        signInScopes: ["name", "email", "shippingAddress", "billingAddress"],
      }),
    );
    const started = await postForm(emulator, "/checkout/start", { ...config, productType: "SignIn" });
    const signInId = new URL(started.headers.get("location")!, emulator.url).searchParams.get("signInId")!;
    const back = await postForm(emulator, "/signin", { signInId, buyerId: BUYERS.ava });
    const token = new URL(back.headers.get("location")!).searchParams.get("buyerToken")!;
    const buyer = await amazonPay.buyers.get(token);
    expect(buyer.data).toMatchObject({
      buyerId: BUYERS.ava,
      name: "Ava Johnson",
      shippingAddress: { city: "Seattle" },
      billingAddress: { stateOrRegion: "WA" },
    });
  });

  it("replays idempotent calls: the same key and body give the same object", async () => {
    const permissionId = await chargeablePermission();
    const a = await amazonPay.charges.create(
      { chargePermissionId: permissionId, chargeAmount: USD("10.00") },
      { idempotencyKey: "charge-order-1" },
    );
    const b = await amazonPay.charges.create(
      { chargePermissionId: permissionId, chargeAmount: USD("10.00") },
      { idempotencyKey: "charge-order-1" },
    );
    expect(b.data.chargeId).toBe(a.data.chargeId);
    expect(emulator.emulator.store.charges.size).toBe(1);
  });

  it("survives a response lost after processing: the client's retry with the same key gets the saved Charge", async () => {
    const permissionId = await chargeablePermission();
    await emulatorJson(emulator, "/__emulator/faults", {
      body: { fault: "dropAfterProcessing", operation: "createCharge" },
    });
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
    });
    expect(charge.attempts).toBe(2);
    expect(emulator.emulator.store.charges.size).toBe(1);
  });

  it("retries 429 and 503 and succeeds", async () => {
    await emulatorJson(emulator, "/__emulator/faults", {
      body: [
        { fault: "status", status: 429 },
        { fault: "status", status: 503 },
      ],
    });
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    expect(created.attempts).toBe(3);
  });
});

describe("conformance with the typed client: documented errors", () => {
  it("InvalidRequestSignature: a key that does not match the registered public key", async () => {
    const error = await expectApiError(
      clientFor(merchant, 1).checkoutSessions.get("00000000-0000-4000-8000-000000000000"),
      401,
      "InvalidRequestSignature",
    );
    expect(error.responseMessage).toMatch(
      /^Unable to verify signature, signing String \[AMZN-PAY-RSASSA-PSS-V2\\n[0-9a-f]{64}\] , signature \[/,
    );
  });

  it("InvalidHeaderValue: a client clock 20 minutes off", async () => {
    const skewed = clientFor(merchant, 0, { now: () => new Date(Date.now() - 20 * 60_000) });
    await expectApiError(
      skewed.checkoutSessions.get("00000000-0000-4000-8000-000000000000"),
      400,
      "InvalidHeaderValue",
    );
  });

  it("UnauthorizedAccess: an unregistered key, and another merchant's object", async () => {
    const unregistered: TestMerchant = { ...merchant, publicKeyId: "SANDBOX-NOTREGISTERED" };
    await expectApiError(clientFor(unregistered).checkoutSessions.get("x"), 401, "UnauthorizedAccess");
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    const other = addMerchant(emulator, { keyIndex: 1 });
    await expectApiError(
      clientFor(other, 1).checkoutSessions.get(created.data.checkoutSessionId),
      401,
      "UnauthorizedAccess",
    );
  });

  it("ResourceNotFound", async () => {
    await expectApiError(amazonPay.charges.get("S01-0000000-0000000-C000000"), 404, "ResourceNotFound");
    await expectApiError(amazonPay.refunds.get("S01-0000000-0000000-R000000"), 404, "ResourceNotFound");
    await expectApiError(amazonPay.chargePermissions.get("S01-0000000-0000000"), 404, "ResourceNotFound");
    await expectApiError(amazonPay.buyers.get("no-such-token"), 404, "ResourceNotFound");
  });

  it("InvalidParameterValue and MissingParameterValue", async () => {
    await expectApiError(
      amazonPay.checkoutSessions.create({
        webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
        storeId: "amzn1.application-oa2-client.00000000000000000000000000000000",
      }),
      400,
      "InvalidParameterValue",
    );
    await expectApiError(
      amazonPay.checkoutSessions.create({
        webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
        storeId: merchant.record.storeId,
        paymentDetails: { chargeAmount: USD("150000.01") },
      }),
      400,
      "InvalidParameterValue",
    );
    const id = await buyerCheckout({
      paymentIntent: "Authorize",
      chargeAmount: USD("10.00"),
      totalOrderAmount: USD("20.00"),
    });
    await expectApiError(
      amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("10.00") }),
      400,
      "MissingParameterValue",
    );
  });

  it("InvalidParameterCombination: canHandlePendingAuthorization set on a session that captures", async () => {
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
      paymentDetails: { paymentIntent: "AuthorizeWithCapture" },
    });
    await expectApiError(
      amazonPay.checkoutSessions.update(created.data.checkoutSessionId, {
        paymentDetails: { canHandlePendingAuthorization: true },
      }),
      400,
      "InvalidParameterCombination",
    );
  });

  it("InvalidSandboxSimulationSpecified", async () => {
    const permissionId = await chargeablePermission();
    await expectApiError(
      amazonPay.charges.create(
        { chargePermissionId: permissionId, chargeAmount: USD("1.00") },
        { simulationCode: "NotACode" },
      ),
      400,
      "InvalidSandboxSimulationSpecified",
    );
    await expectApiError(
      amazonPay.charges.create(
        { chargePermissionId: permissionId, chargeAmount: USD("1.00") },
        { simulationCode: "AmazonClosed" },
      ),
      400,
      "InvalidSandboxSimulationSpecified",
    );
  });

  it("DuplicateIdempotencyKey", async () => {
    const permissionId = await chargeablePermission();
    await amazonPay.charges.create(
      { chargePermissionId: permissionId, chargeAmount: USD("10.00") },
      { idempotencyKey: "reused-key" },
    );
    await expectApiError(
      amazonPay.charges.create(
        { chargePermissionId: permissionId, chargeAmount: USD("11.00") },
        { idempotencyKey: "reused-key" },
      ),
      400,
      "DuplicateIdempotencyKey",
    );
  });

  it("CurrencyMismatch and AmountMismatch", async () => {
    const permissionId = await chargeablePermission();
    await expectApiError(
      amazonPay.charges.create({
        chargePermissionId: permissionId,
        chargeAmount: { amount: "10.00", currencyCode: "EUR" },
      }),
      400,
      "CurrencyMismatch",
    );
    const id = await buyerCheckout({ paymentIntent: "Authorize", chargeAmount: USD("10.00") });
    await expectApiError(
      amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("9.99") }),
      400,
      "AmountMismatch",
    );
    await expectApiError(
      amazonPay.checkoutSessions.complete(id, { chargeAmount: { amount: "10.00", currencyCode: "GBP" } }),
      400,
      "CurrencyMismatch",
    );
  });

  it("InvalidCheckoutSessionStatus and CheckoutSessionCanceled", async () => {
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    await expectApiError(
      amazonPay.checkoutSessions.complete(created.data.checkoutSessionId, { chargeAmount: USD("1.00") }),
      422,
      "InvalidCheckoutSessionStatus",
    );
    const declined = await buyerCheckout(
      { paymentIntent: "Authorize", chargeAmount: USD("10.00") },
      "visa-3434",
    );
    await expectApiError(
      amazonPay.checkoutSessions.complete(declined, { chargeAmount: USD("10.00") }),
      422,
      "CheckoutSessionCanceled",
    );
    expect((await amazonPay.checkoutSessions.get(declined)).data.statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "Declined",
    });
    await expectApiError(
      amazonPay.checkoutSessions.update(declined, { merchantMetadata: { merchantReferenceId: "x" } }),
      422,
      "InvalidCheckoutSessionStatus",
    );
  });

  it("InvalidChargePermissionStatus and ChargePermissionNotModifiable", async () => {
    const permissionId = await chargeablePermission();
    await amazonPay.chargePermissions.close(permissionId, { closureReason: "done" });
    await expectApiError(
      amazonPay.charges.create({ chargePermissionId: permissionId, chargeAmount: USD("1.00") }),
      422,
      "InvalidChargePermissionStatus",
    );
    await expectApiError(
      amazonPay.chargePermissions.close(permissionId, { closureReason: "again" }),
      422,
      "InvalidChargePermissionStatus",
    );
    await expectApiError(
      amazonPay.chargePermissions.update(permissionId, { merchantMetadata: { merchantReferenceId: "late" } }),
      422,
      "ChargePermissionNotModifiable",
    );
  });

  it("TransactionAmountExceeded on Create Charge, Capture and Create Refund", async () => {
    const permissionId = await chargeablePermission("100.00");
    await expectApiError(
      amazonPay.charges.create({ chargePermissionId: permissionId, chargeAmount: USD("100.01") }),
      422,
      "TransactionAmountExceeded",
    );
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("50.00"),
    });
    // 15 % over the authorization is allowed; more is not.
    await expectApiError(
      amazonPay.charges.capture(charge.data.chargeId, { captureAmount: USD("57.51") }),
      422,
      "TransactionAmountExceeded",
    );
    await amazonPay.charges.capture(charge.data.chargeId, { captureAmount: USD("57.50") });
    await amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("60.00") });
    // Refunds may exceed the captured 57.50 by 15 % (8.63): 66.13 in total.
    await expectApiError(
      amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("6.14") }),
      422,
      "TransactionAmountExceeded",
    );
    expect(
      (await amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("6.13") })).status,
    ).toBe(201);
  });

  it("TransactionCountExceeded on Create Charge and Create Refund", async () => {
    emulator.emulator.updateConfig({ maxChargesPerChargePermission: 2, maxRefundsPerCharge: 1 });
    const permissionId = await chargeablePermission();
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
      captureNow: true,
    });
    await amazonPay.charges.create({ chargePermissionId: permissionId, chargeAmount: USD("10.00") });
    await expectApiError(
      amazonPay.charges.create({ chargePermissionId: permissionId, chargeAmount: USD("10.00") }),
      422,
      "TransactionCountExceeded",
    );
    await amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("1.00") });
    await expectApiError(
      amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("1.00") }),
      422,
      "TransactionCountExceeded",
    );
  });

  it("InvalidChargeStatus on Capture, Cancel and Create Refund", async () => {
    const permissionId = await chargeablePermission();
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
    });
    await expectApiError(
      amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("1.00") }),
      422,
      "InvalidChargeStatus",
    );
    await amazonPay.charges.capture(charge.data.chargeId, { captureAmount: USD("10.00") });
    await expectApiError(
      amazonPay.charges.capture(charge.data.chargeId, { captureAmount: USD("10.00") }),
      422,
      "InvalidChargeStatus",
    );
    await expectApiError(
      amazonPay.charges.cancel(charge.data.chargeId, { cancellationReason: "late" }),
      422,
      "InvalidChargeStatus",
    );
  });

  for (const [code, reason] of [
    ["SoftDeclined", "SoftDeclined"],
    ["HardDeclined", "HardDeclined"],
    ["AmazonRejected", "AmazonRejected"],
    ["TransactionTimedOut", "TransactionTimedOut"],
    ["Emulator:ProcessingFailure", "ProcessingFailure"],
  ] as const) {
    it(`${reason}: a synchronous decline on Create Charge (simulation ${code})`, async () => {
      const permissionId = await chargeablePermission();
      await expectApiError(
        amazonPay.charges.create(
          { chargePermissionId: permissionId, chargeAmount: USD("10.00") },
          { simulationCode: code },
        ),
        422,
        reason,
      );
      expect(emulator.emulator.store.charges.size).toBe(0);
      const state = (await amazonPay.chargePermissions.get(permissionId)).data.statusDetails.state;
      expect(state).toBe(reason === "HardDeclined" ? "NonChargeable" : "Chargeable");
    });
  }

  it("asynchronous declines and captures by simulation code", async () => {
    const permissionId = await chargeablePermission();
    const pending = await amazonPay.charges.create(
      { chargePermissionId: permissionId, chargeAmount: USD("10.00"), canHandlePendingAuthorization: true },
      { simulationCode: "SoftDeclined" },
    );
    expect(pending.data.statusDetails.state).toBe("AuthorizationInitiated");
    await eventually(
      async () =>
        (await amazonPay.charges.get(pending.data.chargeId)).data.statusDetails.reasonCode ===
          "SoftDeclined" || undefined,
    );
    const authorized = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
    });
    const initiated = await amazonPay.charges.capture(
      authorized.data.chargeId,
      { captureAmount: USD("10.00") },
      { simulationCode: "CaptureInitiated" },
    );
    expect(initiated.data.statusDetails.state).toBe("CaptureInitiated");
    await eventually(
      async () =>
        (await amazonPay.charges.get(authorized.data.chargeId)).data.statusDetails.state === "Captured" ||
        undefined,
    );
    const rejected = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
    });
    await amazonPay.charges.capture(
      rejected.data.chargeId,
      { captureAmount: USD("10.00") },
      { simulationCode: "AmazonRejected" },
    );
    await eventually(
      async () =>
        (await amazonPay.charges.get(rejected.data.chargeId)).data.statusDetails.reasonCode ===
          "AmazonRejected" || undefined,
    );
    const captured = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
      captureNow: true,
    });
    const refund = await amazonPay.refunds.create(
      { chargeId: captured.data.chargeId, refundAmount: USD("5.00") },
      { simulationCode: "Emulator:RefundDeclined" },
    );
    await eventually(
      async () =>
        (await amazonPay.refunds.get(refund.data.refundId)).data.statusDetails.state === "Declined" ||
        undefined,
    );
    expect((await amazonPay.charges.get(captured.data.chargeId)).data.refundedAmount).toEqual(USD("0.00"));
  });

  it("closes with cancelPendingCharges and with the AmazonClosed simulation", async () => {
    const permissionId = await chargeablePermission();
    const open = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("10.00"),
    });
    const closed = await amazonPay.chargePermissions.close(permissionId, {
      closureReason: "Customer canceled",
      cancelPendingCharges: true,
    });
    expect(closed.data.statusDetails.state).toBe("Closed");
    expect((await amazonPay.charges.get(open.data.chargeId)).data.statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "ChargePermissionCanceled",
    });
    const other = await chargeablePermission();
    const byAmazon = await amazonPay.chargePermissions.close(
      other,
      { closureReason: "x" },
      { simulationCode: "AmazonClosed" },
    );
    expect(byAmazon.data.statusDetails.reasons?.[0]?.reasonCode).toBe("AmazonClosed");
  });

  it("InvalidParameterValue on Create Delivery Tracker", async () => {
    await expectApiError(
      amazonPay.deliveryTrackers.create({
        chargePermissionId: "S01-0000000-0000000",
        deliveryDetails: [{ trackingNumber: "1Z", carrierCode: "UPS" }],
      }),
      400,
      "InvalidParameterValue",
    );
    const permissionId = await chargeablePermission();
    await amazonPay.deliveryTrackers.create({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z1", carrierCode: "UPS" }],
    });
    await expectApiError(
      amazonPay.deliveryTrackers.create({
        chargePermissionId: permissionId,
        deliveryDetails: [{ trackingNumber: "1Z1", carrierCode: "UPS" }],
      }),
      400,
      "InvalidParameterValue",
    );
  });

  it("5xx after the client's last retry", async () => {
    await emulatorJson(emulator, "/__emulator/faults", { body: { fault: "status", status: 500, count: 10 } });
    const error = await expectApiError(
      amazonPay.checkoutSessions.get("00000000-0000-4000-8000-000000000000"),
      500,
      "InternalServerError",
    );
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(4);
  });
});
