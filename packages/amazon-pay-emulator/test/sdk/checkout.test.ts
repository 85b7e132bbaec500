// The official Node SDK against the emulator over TLS: Checkout Session operations, and the
// idempotency key the SDK's own tests reuse across operations.
import { describe, expect, it } from "vitest";
import { BUYERS, emulatorJson } from "../helpers";
import { SESSION_KEYS } from "../api/harness";
import {
  emulator,
  expectSdkError,
  keyHeaders,
  merchant,
  sessionReadyToComplete,
  setUpSdk,
  USD,
  webStore,
  webStoreV2,
} from "./harness";

setUpSdk();

describe("official Node SDK over TLS: Checkout Session", () => {
  it("creates (201), gets, updates and completes a session with both algorithms, keys in Amazon's order", async () => {
    for (const client of [webStore, webStoreV2]) {
      const id = await sessionReadyToComplete(client, {
        paymentIntent: "Authorize",
        chargeAmount: USD("50"),
      });
      const got = await client.getCheckoutSession(id);
      expect(got.status).toBe(200);
      expect(Object.keys(got.data)).toEqual(SESSION_KEYS);
      const completed = await client.completeCheckoutSession(id, { chargeAmount: USD("50") });
      expect(completed.status).toBe(200);
      expect(Object.keys(completed.data)).toEqual(SESSION_KEYS);
      expect(completed.data.statusDetails).toMatchObject({ state: "Completed" });
    }
    const created = await webStore.createCheckoutSession(
      {
        webCheckoutDetails: { checkoutReviewReturnUrl: "https://localhost/review" },
        storeId: merchant.record.storeId,
      },
      keyHeaders(),
    );
    expect(created.status).toBe(201);
    expect(Object.keys(created.data)).toEqual(SESSION_KEYS);
  });

  it("accepts one key for Create Checkout Session, Create Charge and Capture Charge, as the SDK's tests send it", async () => {
    const headers = keyHeaders();
    const id = await sessionReadyToComplete(
      webStore,
      { paymentIntent: "Confirm", chargeAmount: USD("50") },
      headers,
    );
    const completed = await webStore.completeCheckoutSession(id, { chargeAmount: USD("50") });
    const chargePermissionId = String(completed.data.chargePermissionId);
    const createChargePayload = {
      chargePermissionId,
      chargeAmount: USD("0.01"),
      captureNow: false,
      canHandlePendingAuthorization: false,
    };
    const charge = await webStore.createCharge(createChargePayload, headers);
    expect(charge.status).toBe(201);
    const chargeId = String(charge.data.chargeId);
    const captured = await webStore.captureCharge(
      chargeId,
      { captureAmount: USD("0.01"), softDescriptor: "AMZN" },
      headers,
    );
    expect(captured.status).toBe(200);
    // The SDK's V2 test captures again with the same key and body: the saved answer comes back.
    const replayed = await webStoreV2.captureCharge(
      chargeId,
      { captureAmount: USD("0.01"), softDescriptor: "AMZN" },
      headers,
    );
    expect(replayed).toMatchObject({ status: 200, data: { chargeId, statusDetails: { state: "Captured" } } });
    // The same operation on the same object with another body is still refused.
    await expectSdkError(
      webStore.captureCharge(chargeId, { captureAmount: USD("0.02") }, headers),
      400,
      "DuplicateIdempotencyKey",
    );
    await expectSdkError(
      webStore.createCharge({ ...createChargePayload, chargeAmount: USD("0.02") }, headers),
      400,
      "DuplicateIdempotencyKey",
    );
  });

  it("finalizes a PayAndShip Buy Now session with billingAddress null, as the SDK's tests send it", async () => {
    const started = await emulatorJson<{ amazonCheckoutSessionId: string }>(
      emulator,
      "/checkout/buy-now/sessions",
      {
        body: {
          merchantId: merchant.record.merchantId,
          checkoutSessionConfig: {
            storeId: merchant.record.storeId,
            paymentDetails: { paymentIntent: "Confirm" },
          },
        },
      },
    );
    const id = started.body.amazonCheckoutSessionId;
    const base = `/checkout/buy-now/sessions/${id}`;
    await emulatorJson(emulator, `${base}/selection`, {
      body: { buyerId: BUYERS.ava, addressId: "ava-home", paymentMethodId: "visa-1111" },
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
      await emulatorJson<{ shippingAddress: Record<string, string | null> }>(emulator, `${base}/confirm`, {
        body: {},
      })
    ).body;
    const finalized = await webStore.finalizeCheckoutSession(id, {
      shippingAddress: { ...event.shippingAddress, county: null, district: null },
      billingAddress: null,
      chargeAmount: { amount: "10", currencyCode: "USD" },
      totalOrderAmount: { amount: "10", currencyCode: "USD" },
      paymentIntent: "Confirm",
      canHandlePendingAuthorization: false,
      supplementaryData: "TestSupplementaryData-onInitCheckout",
    });
    expect(finalized.status).toBe(200);
    expect(Object.keys(finalized.data)).toEqual([
      ...SESSION_KEYS.slice(0, 4),
      "cartDetails",
      ...SESSION_KEYS.slice(4),
    ]);
    expect(finalized.data.statusDetails).toMatchObject({ state: "Completed" });
  });

  it("answers documented errors: missing key, bad signature input, wrong state", async () => {
    await expectSdkError(
      webStore.createCheckoutSession(
        {
          webCheckoutDetails: { checkoutReviewReturnUrl: "https://localhost/review" },
          storeId: merchant.record.storeId,
        },
        null,
      ),
      400,
      "MissingHeader",
    );
    await expectSdkError(
      webStore.createCheckoutSession(
        { webCheckoutDetails: {}, storeId: merchant.record.storeId, surprise: 1 },
        keyHeaders(),
      ),
      400,
      "UnrecognizedField",
    );
    const created = await webStore.createCheckoutSession(
      {
        webCheckoutDetails: { checkoutReviewReturnUrl: "https://localhost/review" },
        storeId: merchant.record.storeId,
      },
      keyHeaders(),
    );
    await expectSdkError(
      webStore.completeCheckoutSession(String(created.data.checkoutSessionId), { chargeAmount: USD("1.00") }),
      422,
      "InvalidCheckoutSessionStatus",
    );
    await expectSdkError(
      webStore.getCheckoutSession("00000000-0000-4000-8000-000000000000"),
      404,
      "ResourceNotFound",
    );
  });
});
