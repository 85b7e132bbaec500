// Conformance: the documented errors of a bad request: signature, clock, access, parameters,
// simulation codes, idempotency keys, currencies and amounts.
import { describe, expect, it } from "vitest";
import { addMerchant, REVIEW_URL, type TestMerchant } from "../helpers";
import {
  amazonPay,
  buyerCheckout,
  chargeablePermission,
  clientFor,
  emulator,
  expectApiError,
  merchant,
  setUpConformance,
  USD,
} from "./harness";

setUpConformance();

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
});
