// Conformance: asynchronous outcomes, closing, delivery trackers and server errors.
import { describe, expect, it } from "vitest";
import { eventually, emulatorJson } from "../helpers";
import { amazonPay, chargeablePermission, emulator, expectApiError, setUpConformance, USD } from "./harness";

setUpConformance();

describe("conformance with the typed client: documented errors", () => {
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
