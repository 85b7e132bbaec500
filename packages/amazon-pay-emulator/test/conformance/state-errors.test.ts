// Conformance: the documented errors of an object in the wrong state or over its limits.
import { describe, expect, it } from "vitest";
import { REVIEW_URL } from "../helpers";
import {
  amazonPay,
  buyerCheckout,
  chargeablePermission,
  emulator,
  expectApiError,
  merchant,
  setUpConformance,
  USD,
} from "./harness";

setUpConformance();

describe("conformance with the typed client: documented errors", () => {
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
    await amazonPay.chargePermissions.update(permissionId, {
      merchantMetadata: { merchantReferenceId: "A-1" },
    });
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
    // Once Closed, a OneTime permission still takes values for members that are null or empty.
    const filled = await amazonPay.chargePermissions.update(permissionId, {
      merchantMetadata: { customInformation: "filled after closing" },
    });
    expect(filled.data.merchantMetadata).toMatchObject({
      merchantReferenceId: "A-1",
      customInformation: "filled after closing",
    });
    await expectApiError(
      amazonPay.chargePermissions.update(permissionId, { merchantMetadata: { customInformation: "again" } }),
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
    // The whole capture first: a refund beyond it is declined once it settles (60 ms here), and
    // would then no longer count against the limit.
    await amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("57.50") });
    // Refunds may exceed the captured 57.50 by 15 % (8.63): 66.13 in total.
    await expectApiError(
      amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("8.64") }),
      422,
      "TransactionAmountExceeded",
    );
    expect(
      (await amazonPay.refunds.create({ chargeId: charge.data.chargeId, refundAmount: USD("8.63") })).status,
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
});
