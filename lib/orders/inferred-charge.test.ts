// A charge state inferred from Complete's HTTP status (AuthorizeWithCapture 200 = Captured) is a
// guess until the charge is read: what Amazon says replaces it, in whatever direction, and a
// later guess never overrides what was read. Facts only move toward the truth.
import { describe, expect, it } from "vitest";
import { upsertCharge } from "./payment-facts";
import { charge, draft, run } from "./order-histories.test-support";
import type { OrderEvent } from "./state-machine";

const completedAsCaptured: OrderEvent = {
  type: "checkout.completed",
  source: "return",
  chargePermissionId: "P",
  permission: null,
  charge: charge("Captured", { inferred: true }),
};
const read = (state: Parameters<typeof charge>[0], reasonCode: string | null = null): OrderEvent => ({
  type: "charge.observed",
  source: "poll",
  charge: charge(state, { reasonCode }),
});

describe("an inferred charge", () => {
  it("is confirmed by a read of the same state: the order stays Paid and the charge is no longer inferred", () => {
    const paid = run(draft("AuthorizeWithCapture"), [completedAsCaptured]);
    expect(paid.status).toBe("Paid");
    const confirmed = run(paid, [read("Captured")]);
    expect(confirmed.status).toBe("Paid");
    expect(confirmed.charges).toEqual([charge("Captured")]);
  });

  it("is corrected when Amazon says otherwise, even backwards along the charge's graph", () => {
    const paid = run(draft("AuthorizeWithCapture"), [completedAsCaptured]);
    expect(run(paid, [read("Declined", "HardDeclined")])).toMatchObject({
      status: "Failed",
      charges: [charge("Declined", { reasonCode: "HardDeclined" })],
    });
    expect(run(paid, [read("AuthorizationInitiated")]).status).toBe("PaymentPending");
    expect(run(paid, [read("Authorized")]).status).toBe("Authorized");
  });

  it("never overrides what was read, and what was read still only moves forward", () => {
    const observed = [charge("Declined")];
    expect(upsertCharge(observed, charge("Captured", { inferred: true }))).toEqual({
      charges: observed,
      changed: false,
      stale: false,
    });
    const confirmed = run(draft("AuthorizeWithCapture"), [completedAsCaptured, read("Captured")]);
    expect(run(confirmed, [read("Declined")]).status).toBe("Paid");
  });
});
