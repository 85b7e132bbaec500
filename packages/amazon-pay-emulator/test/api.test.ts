// The API at the HTTP level: addressing, routing, headers, documented object shapes, validation
// errors and idempotency, with requests signed exactly like the SDKs sign them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { addMerchant, call, REVIEW_URL, startTestEmulator, type TestMerchant } from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;
let legacy: TestMerchant;

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

const createBody = (m: TestMerchant = merchant, extra: Record<string, unknown> = {}) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: m.record.storeId,
  ...extra,
});
const create = (extra: Record<string, unknown> = {}, key?: string) =>
  call(emulator, merchant, {
    method: "POST",
    path: "/v2/checkoutSessions",
    body: createBody(merchant, extra),
    idempotencyKey: key,
  });

const SESSION_KEYS = [
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

describe("addressing and routing", () => {
  it("serves SANDBOX- keys under /v2 and legacy keys under /sandbox/v2, with x-amz-pay-request-id", async () => {
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.headers.get("x-amz-pay-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get("content-type")).toBe("application/json");
    const viaLegacy = await call(emulator, legacy, {
      method: "POST",
      path: "/sandbox/v2/checkoutSessions",
      body: createBody(legacy),
    });
    expect(viaLegacy.status).toBe(201);
  });

  it("routes /x and /x/ alike and verifies the signature over the raw path", async () => {
    const id = String((await create()).body.checkoutSessionId);
    expect(
      (await call(emulator, merchant, { method: "GET", path: `/v2/checkoutSessions/${id}/` })).status,
    ).toBe(200);
    expect(
      (
        await call(emulator, legacy, {
          method: "POST",
          path: "/sandbox/v2/checkoutSessions/",
          body: createBody(legacy),
        })
      ).status,
    ).toBe(201);
  });

  it("refuses /live/ paths and LIVE keys: this is an emulator", async () => {
    const live = await call(emulator, legacy, { method: "GET", path: "/live/v2/checkoutSessions/x" });
    expect(live).toMatchObject({ status: 400, body: { reasonCode: "InvalidRequest" } });
    expect(String(live.body.message)).toContain("local Amazon Pay emulator");
    const registered = await fetch(`${emulator.url}/__emulator/merchants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ publicKeyId: "LIVE-ABC", publicKey: merchant.publicKeyPem }),
    });
    expect(registered.status).toBe(400);
  });

  it("answers unknown versions, paths, methods and unemulated APIs clearly", async () => {
    expect(
      (await call(emulator, merchant, { method: "GET", path: "/v1/checkoutSessions/x" })).body.reasonCode,
    ).toBe("InvalidAPIVersion");
    expect(await call(emulator, merchant, { method: "GET", path: "/v2/nothing" })).toMatchObject({
      status: 404,
      body: { reasonCode: "ResourceNotFound" },
    });
    expect(
      await call(emulator, merchant, { method: "DELETE", path: "/v2/checkoutSessions/x" }),
    ).toMatchObject({ status: 405, body: { reasonCode: "RequestNotSupported" } });
    expect(await call(emulator, merchant, { method: "GET", path: "/v2/reports" })).toMatchObject({
      status: 405,
      body: { reasonCode: "UnsupportedOperation" },
    });
    expect(
      await call(emulator, merchant, {
        method: "GET",
        path: "/v2/checkoutSessions/00000000-0000-4000-8000-000000000000",
      }),
    ).toMatchObject({ status: 404, body: { reasonCode: "ResourceNotFound" } });
  });

  it("scopes objects to the merchant that created them", async () => {
    const id = String((await create()).body.checkoutSessionId);
    const other = addMerchant(emulator, { keyIndex: 1 });
    expect(await call(emulator, other, { method: "GET", path: `/v2/checkoutSessions/${id}` })).toMatchObject({
      status: 401,
      body: { reasonCode: "UnauthorizedAccess" },
    });
    emulator.emulator.updateConfig({ foreignObjectError: "ResourceNotFound" });
    expect((await call(emulator, other, { method: "GET", path: `/v2/checkoutSessions/${id}` })).status).toBe(
      404,
    );
    // Keys of the same merchant share its objects.
    const sibling = addMerchant(emulator, { keyIndex: 1, merchantId: merchant.record.merchantId });
    expect(
      (await call(emulator, sibling, { method: "GET", path: `/v2/checkoutSessions/${id}` })).status,
    ).toBe(200);
  });
});

describe("Checkout Session object", () => {
  it("has every documented key in the documented order, null where unset", async () => {
    const { body } = await create();
    expect(Object.keys(body)).toEqual(SESSION_KEYS);
    expect(body).toMatchObject({
      productType: "PayAndShip",
      chargePermissionType: "OneTime",
      buyer: null,
      releaseEnvironment: "Emulator",
      statusDetails: { state: "Open", reasonCode: null, reasonDescription: null },
      webCheckoutDetails: {
        checkoutReviewReturnUrl: REVIEW_URL,
        checkoutResultReturnUrl: null,
        checkoutCancelUrl: null,
        amazonPayRedirectUrl: null,
        checkoutMode: null,
      },
    });
    expect((body.constraints as { constraintId: string }[]).map((c) => c.constraintId)).toEqual([
      "BuyerNotAssociated",
      "ChargeAmountNotSet",
      "CheckoutResultReturnUrlNotSet",
      "PaymentIntentNotSet",
    ]);
    expect(body.creationTimestamp).toMatch(/^\d{8}T\d{6}Z$/);
    const hours =
      (Date.parse(
        String(body.expirationTimestamp).replace(
          /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
          "$1-$2-$3T$4:$5:$6Z",
        ),
      ) -
        Date.parse(
          String(body.creationTimestamp).replace(
            /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
            "$1-$2-$3T$4:$5:$6Z",
          ),
        )) /
      3_600_000;
    expect(hours).toBe(24);
  });

  it("updates partially and keeps amazonPayRedirectUrl null while a constraint remains", async () => {
    const id = String((await create()).body.checkoutSessionId);
    const updated = await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: {
        webCheckoutDetails: { checkoutResultReturnUrl: "https://shop.example/result" },
        paymentDetails: { paymentIntent: "Authorize", chargeAmount: { amount: 10.5, currencyCode: "USD" } },
        merchantMetadata: { merchantReferenceId: "order-42" },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.paymentDetails).toMatchObject({
      chargeAmount: { amount: "10.50", currencyCode: "USD" },
      presentmentCurrency: "USD",
    });
    expect(updated.body.constraints).toEqual([
      { constraintId: "BuyerNotAssociated", description: expect.stringContaining("no buyer") as string },
    ]);
    expect((updated.body.webCheckoutDetails as Record<string, unknown>).amazonPayRedirectUrl).toBeNull();
    expect(updated.body.merchantMetadata).toMatchObject({
      merchantReferenceId: "order-42",
      noteToBuyer: null,
    });
  });
});

describe("validation errors", () => {
  const cases: [
    string,
    () => Promise<{ status: number; body: Record<string, unknown> }>,
    number,
    string,
    string?,
  ][] = [
    [
      "bad JSON",
      () => call(emulator, merchant, { method: "POST", path: "/v2/checkoutSessions", rawBody: "{not json" }),
      400,
      "InvalidRequestFormat",
    ],
    [
      "a JSON array",
      () => call(emulator, merchant, { method: "POST", path: "/v2/checkoutSessions", rawBody: "[]" }),
      400,
      "InvalidRequestFormat",
    ],
    [
      "an unknown field",
      () => create({ paymentDetails: { paymentIntent: "Authorize", surprise: 1 } }),
      400,
      "UnrecognizedField",
      "paymentDetails.surprise",
    ],
    [
      "a missing storeId",
      () =>
        call(emulator, merchant, {
          method: "POST",
          path: "/v2/checkoutSessions",
          body: { webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL } },
        }),
      400,
      "MissingParameterValue",
      "storeId",
    ],
    [
      "a wrong enum value",
      () => create({ paymentDetails: { paymentIntent: "Sell" } }),
      400,
      "InvalidParameterValue",
      "paymentDetails.paymentIntent",
    ],
    [
      "a bad URL",
      () =>
        call(emulator, merchant, {
          method: "POST",
          path: "/v2/checkoutSessions",
          body: {
            webCheckoutDetails: { checkoutReviewReturnUrl: "not a url" },
            storeId: merchant.record.storeId,
          },
        }),
      400,
      "InvalidParameterValue",
      "webCheckoutDetails.checkoutReviewReturnUrl",
    ],
    [
      "an amount over the maximum",
      () => create({ paymentDetails: { chargeAmount: { amount: "150000.01", currencyCode: "USD" } } }),
      400,
      "InvalidParameterValue",
      "paymentDetails.chargeAmount.amount",
    ],
    [
      "too many decimals",
      () => create({ paymentDetails: { chargeAmount: { amount: "10.001", currencyCode: "USD" } } }),
      400,
      "InvalidParameterValue",
      "paymentDetails.chargeAmount.amount",
    ],
    [
      "JPY with decimals",
      () => create({ paymentDetails: { chargeAmount: { amount: "100.5", currencyCode: "JPY" } } }),
      400,
      "InvalidParameterValue",
      "paymentDetails.chargeAmount.amount",
    ],
    [
      "a long merchantReferenceId",
      () => create({ merchantMetadata: { merchantReferenceId: "x".repeat(257) } }),
      400,
      "InvalidParameterValue",
      "merchantMetadata.merchantReferenceId",
    ],
    [
      "a long merchantStoreName",
      () => create({ merchantMetadata: { merchantStoreName: "x".repeat(51) } }),
      400,
      "InvalidParameterValue",
      "merchantMetadata.merchantStoreName",
    ],
    [
      "a long softDescriptor",
      () =>
        create({ paymentDetails: { paymentIntent: "AuthorizeWithCapture", softDescriptor: "x".repeat(17) } }),
      400,
      "InvalidParameterValue",
      "paymentDetails.softDescriptor",
    ],
    [
      "pending with AuthorizeWithCapture",
      () =>
        create({
          paymentDetails: { paymentIntent: "AuthorizeWithCapture", canHandlePendingAuthorization: true },
        }),
      400,
      "InvalidParameterCombination",
    ],
    [
      "softDescriptor without capture",
      () => create({ paymentDetails: { paymentIntent: "Authorize", softDescriptor: "SHOP" } }),
      400,
      "InvalidParameterCombination",
    ],
    [
      "mixed currencies",
      () =>
        create({
          paymentDetails: {
            chargeAmount: { amount: "1", currencyCode: "USD" },
            totalOrderAmount: { amount: "2", currencyCode: "EUR" },
          },
        }),
      400,
      "CurrencyMismatch",
    ],
    [
      "another merchant's storeId",
      () => create({ storeId: "amzn1.application-oa2-client.00000000000000000000000000000000" }),
      400,
      "InvalidParameterValue",
      "storeId",
    ],
    [
      "an unknown simulation code",
      () => call(emulator, merchant, { method: "GET", path: "/v2/charges/x", simulationCode: "Explode" }),
      400,
      "InvalidSandboxSimulationSpecified",
    ],
  ];
  for (const [name, run, status, reasonCode, field] of cases) {
    it(`answers ${reasonCode} for ${name}`, async () => {
      const result = await run();
      expect(result).toMatchObject({ status, body: { reasonCode } });
      expect(Object.keys(result.body)).toEqual(["reasonCode", "message"]);
      if (field) expect(String(result.body.message)).toContain(`[${field}]`);
    });
  }

  it("accepts canHandlePendingAuthorization with AuthorizeWithCapture when configured to", async () => {
    emulator.emulator.updateConfig({ rejectPendingWithAuthorizeWithCapture: false });
    expect(
      (
        await create({
          paymentDetails: { paymentIntent: "AuthorizeWithCapture", canHandlePendingAuthorization: true },
        })
      ).status,
    ).toBe(201);
  });
});

describe("idempotency over HTTP", () => {
  it("requires a key on Create Checkout Session, Create Charge, Capture and Create Refund", async () => {
    for (const path of ["/v2/checkoutSessions", "/v2/charges", "/v2/charges/x/capture", "/v2/refunds"]) {
      const result = await call(emulator, merchant, { method: "POST", path, body: {}, idempotencyKey: null });
      expect(result, path).toMatchObject({ status: 400, body: { reasonCode: "MissingHeader" } });
      expect(String(result.body.message)).toContain("x-amz-pay-idempotency-key");
    }
  });

  it("refuses malformed keys", async () => {
    expect((await create({}, "has spaces in it")).body.reasonCode).toBe("InvalidHeaderValue");
    expect((await create({}, "x".repeat(33))).body.reasonCode).toBe("InvalidHeaderValue");
  });

  it("returns the saved response for the same key and request, and refuses a different request", async () => {
    const first = await create({}, "order-1-create");
    const again = await create({}, "order-1-create");
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
    const different = await create({ merchantMetadata: { merchantReferenceId: "other" } }, "order-1-create");
    expect(different).toMatchObject({ status: 400, body: { reasonCode: "DuplicateIdempotencyKey" } });
  });

  it("saves 4xx answers too (configurable), so a replay is answered the same", async () => {
    const bad = await create({ paymentDetails: { paymentIntent: "Sell" } }, "bad-request-key");
    const again = await create({ paymentDetails: { paymentIntent: "Sell" } }, "bad-request-key");
    expect(again).toMatchObject({ status: 400, body: bad.body });
  });

  it("processes concurrent requests with the same key once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create({}, "concurrent-key")));
    expect(new Set(results.map((r) => r.body.checkoutSessionId)).size).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
  });

  it("scopes keys per merchant", async () => {
    const other = addMerchant(emulator, { keyIndex: 1 });
    await create({}, "shared-key");
    const theirs = await call(emulator, other, {
      method: "POST",
      path: "/v2/checkoutSessions",
      body: createBody(other),
      idempotencyKey: "shared-key",
    });
    expect(theirs.status).toBe(201);
  });
});
