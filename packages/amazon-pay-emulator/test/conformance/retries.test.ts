// Conformance: idempotent replays and the client's retries against the emulator.
import { describe, expect, it } from "vitest";
import { emulatorJson, REVIEW_URL } from "../helpers";
import { amazonPay, chargeablePermission, emulator, merchant, setUpConformance, USD } from "./harness";

setUpConformance();

describe("conformance with the typed client: operations", () => {
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
