import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canRefund, chargeTransition, type ChargeEvent, type ChargeState, type ChargeStatus } from "./charge";

const status = (state: ChargeState, reasonCode: string | null = null): ChargeStatus => ({
  state,
  reasonCode,
});

describe("Charge state machine", () => {
  it("settles a pending authorization as Authorized or Declined", () => {
    expect(chargeTransition(status("AuthorizationInitiated"), { type: "authorizationApproved" })).toEqual({
      ok: true,
      next: status("Authorized"),
    });
    expect(
      chargeTransition(status("AuthorizationInitiated"), {
        type: "authorizationDeclined",
        reasonCode: "HardDeclined",
      }),
    ).toEqual({ ok: true, next: status("Declined", "HardDeclined") });
  });

  it("captures synchronously within 7 days, asynchronously after", () => {
    expect(chargeTransition(status("Authorized"), { type: "capture", asynchronous: false })).toEqual({
      ok: true,
      next: status("Captured"),
    });
    expect(chargeTransition(status("Authorized"), { type: "capture", asynchronous: true })).toEqual({
      ok: true,
      next: status("CaptureInitiated"),
    });
    expect(chargeTransition(status("CaptureInitiated"), { type: "captureSettled" })).toEqual({
      ok: true,
      next: status("Captured"),
    });
    expect(
      chargeTransition(status("CaptureInitiated"), { type: "captureDeclined", reasonCode: "AmazonRejected" }),
    ).toEqual({ ok: true, next: status("Declined", "AmazonRejected") });
  });

  it("captures only Authorized charges", () => {
    for (const state of [
      "AuthorizationInitiated",
      "CaptureInitiated",
      "Captured",
      "Canceled",
      "Declined",
    ] as const) {
      expect(chargeTransition(status(state), { type: "capture", asynchronous: false })).toMatchObject({
        ok: false,
        refusal: { status: 422, reasonCode: "InvalidChargeStatus" },
      });
    }
  });

  it("cancels Authorized and pending charges only", () => {
    expect(
      chargeTransition(status("Authorized"), { type: "cancel", reasonCode: "MerchantCanceled" }),
    ).toEqual({ ok: true, next: status("Canceled", "MerchantCanceled") });
    expect(
      chargeTransition(status("AuthorizationInitiated"), {
        type: "cancel",
        reasonCode: "ChargePermissionCanceled",
      }),
    ).toEqual({ ok: true, next: status("Canceled", "ChargePermissionCanceled") });
    expect(
      chargeTransition(status("Captured"), { type: "cancel", reasonCode: "MerchantCanceled" }),
    ).toMatchObject({ ok: false, refusal: { reasonCode: "InvalidChargeStatus" } });
  });

  it("expires unused authorizations as Canceled/ExpiredUnused", () => {
    expect(chargeTransition(status("Authorized"), { type: "expire" })).toEqual({
      ok: true,
      next: status("Canceled", "ExpiredUnused"),
    });
    expect(chargeTransition(status("Captured"), { type: "expire" }).ok).toBe(false);
  });

  it("refunds only Captured charges", () => {
    expect(canRefund(status("Captured")).ok).toBe(true);
    expect(canRefund(status("Authorized"))).toMatchObject({
      ok: false,
      refusal: { reasonCode: "InvalidChargeStatus" },
    });
  });

  it("Captured, Canceled and Declined are final", () => {
    const event = fc.constantFrom<ChargeEvent>(
      { type: "authorizationApproved" },
      { type: "authorizationDeclined", reasonCode: "SoftDeclined" },
      { type: "capture", asynchronous: false },
      { type: "capture", asynchronous: true },
      { type: "captureSettled" },
      { type: "captureDeclined", reasonCode: "AmazonRejected" },
      { type: "cancel", reasonCode: "MerchantCanceled" },
      { type: "expire" },
    );
    const start = fc.constantFrom<ChargeState>("AuthorizationInitiated", "Authorized");
    fc.assert(
      fc.property(start, fc.array(event, { maxLength: 20 }), (initial, events) => {
        let s = status(initial);
        let final: ChargeStatus | null = null;
        for (const e of events) {
          const result = chargeTransition(s, e);
          if (result.ok) s = result.next;
          if (final) expect(s).toBe(final);
          else if (["Captured", "Canceled", "Declined"].includes(s.state)) final = s;
        }
      }),
    );
  });
});
