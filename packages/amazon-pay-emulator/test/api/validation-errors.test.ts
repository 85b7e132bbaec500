// The API at the HTTP level: validation errors of request bodies, headers and parameters.
import { describe, expect, it } from "vitest";
import { call, REVIEW_URL } from "../helpers";

import { emulator, merchant, create, setUpApi } from "./harness";

setUpApi();

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
