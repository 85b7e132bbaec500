import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canCreateCharge,
  canUpdateChargePermission,
  chargePermissionTransition,
  chargeableStatus,
  type ChargePermissionEvent,
  type ChargePermissionStatus,
} from "./charge-permission";

const chargeable = chargeableStatus();
const closed: ChargePermissionStatus = { state: "Closed", reasons: ["MerchantClosed"] };

describe("Charge Permission state machine", () => {
  it("goes NonChargeable with reasons and back to Chargeable", () => {
    const non = chargePermissionTransition(chargeable, {
      type: "markNonChargeable",
      reasonCode: "PaymentMethodInvalid",
    });
    expect(non).toEqual({ ok: true, next: { state: "NonChargeable", reasons: ["PaymentMethodInvalid"] } });
    if (!non.ok) return;
    expect(chargePermissionTransition(non.next, { type: "markChargeable" })).toEqual({
      ok: true,
      next: chargeable,
    });
  });

  it("closes with the merchant's reason, on expiry, and when fully captured", () => {
    expect(chargePermissionTransition(chargeable, { type: "close", reasonCode: "MerchantClosed" })).toEqual({
      ok: true,
      next: closed,
    });
    expect(chargePermissionTransition(chargeable, { type: "expire" })).toEqual({
      ok: true,
      next: { state: "Closed", reasons: ["Expired"] },
    });
    expect(chargePermissionTransition(chargeable, { type: "fullyCaptured", reasonCode: null })).toEqual({
      ok: true,
      next: { state: "Closed", reasons: [] },
    });
  });

  it("refuses every change once Closed", () => {
    const result = chargePermissionTransition(closed, { type: "close", reasonCode: "MerchantClosed" });
    expect(result).toMatchObject({
      ok: false,
      refusal: { status: 422, reasonCode: "InvalidChargePermissionStatus" },
    });
  });

  it("allows charges only while Chargeable and updates until Closed", () => {
    expect(canCreateCharge(chargeable).ok).toBe(true);
    expect(canCreateCharge({ state: "NonChargeable", reasons: ["PaymentMethodInvalid"] })).toMatchObject({
      ok: false,
      refusal: { reasonCode: "InvalidChargePermissionStatus" },
    });
    expect(canUpdateChargePermission({ state: "NonChargeable", reasons: [] }).ok).toBe(true);
    expect(canUpdateChargePermission(closed)).toMatchObject({
      ok: false,
      refusal: { status: 422, reasonCode: "ChargePermissionNotModifiable" },
    });
  });

  it("lets a Closed OneTime permission fill only its empty merchantMetadata members", () => {
    const oneTime = (current: string | null, recurring = false, type = "OneTime") => ({
      chargePermissionType: type,
      changesRecurringMetadata: recurring,
      merchantMetadata: [{ member: "merchantReferenceId", current }],
    });
    expect(canUpdateChargePermission(closed, oneTime(null)).ok).toBe(true);
    expect(canUpdateChargePermission(closed, oneTime("")).ok).toBe(true);
    for (const refused of [oneTime("A-1"), oneTime(null, true), oneTime(null, false, "Recurring")]) {
      expect(canUpdateChargePermission(closed, refused)).toMatchObject({
        ok: false,
        refusal: { status: 422, reasonCode: "ChargePermissionNotModifiable" },
      });
    }
  });

  it("Closed is final for any sequence of events", () => {
    const event = fc.constantFrom<ChargePermissionEvent>(
      { type: "markNonChargeable", reasonCode: "PaymentMethodInvalid" },
      { type: "markChargeable" },
      { type: "close", reasonCode: "MerchantClosed" },
      { type: "expire" },
      { type: "fullyCaptured", reasonCode: null },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        let s = chargeable;
        let closedAt: ChargePermissionStatus | null = null;
        for (const e of events) {
          const result = chargePermissionTransition(s, e);
          if (result.ok) s = result.next;
          if (closedAt) expect(s).toBe(closedAt);
          else if (s.state === "Closed") closedAt = s;
          if (s.state === "NonChargeable") expect(s.reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
