import { describe, expect, it } from "vitest";
import type { PermissionFact, RefundFact } from "./payment-facts";
import { charge, draft, run } from "./order-histories.test-support";
import { applyOrderEvent, type OrderEvent } from "./state-machine";

describe("order state machine: examples", () => {
  it("records a refund that arrives while a declined first charge has the order Failed", () => {
    const failed = run(draft("Authorize"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("AuthorizationInitiated", { chargeId: "C0" }),
      },
      { type: "charge.observed", source: "ipn", charge: charge("Declined", { chargeId: "C0" }) },
    ]);
    expect(failed.status).toBe("Failed");
    const refund: RefundFact = {
      refundId: "R0",
      chargeId: "C1",
      state: "RefundInitiated",
      amountMinor: 500,
      reasonCode: null,
    };
    const after = run(failed, [
      { type: "refund.observed", source: "ipn", refund },
      {
        type: "charge.observed",
        source: "ipn",
        charge: charge("Captured", { chargeId: "C1", amountMinor: 1000, capturedMinor: 1000 }),
      },
    ]);
    expect(after.refunds.map((r) => [r.refundId, r.state])).toEqual([["R0", "RefundInitiated"]]);
  });

  it("AuthorizeWithCapture completes as Paid", () => {
    const outcome = applyOrderEvent(draft("AuthorizeWithCapture"), {
      type: "checkout.completed",
      source: "return",
      chargePermissionId: "P",
      permission: null,
      charge: charge("Captured"),
    });
    expect(outcome).toMatchObject({ kind: "applied", from: "Draft", to: "Paid" });
  });

  it("a pending authorization settles to Authorized, then Paid on capture", () => {
    const pending = run(draft("Authorize"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("AuthorizationInitiated"),
      },
    ]);
    expect(pending.status).toBe("PaymentPending");
    const authorized = run(pending, [
      { type: "charge.observed", source: "ipn", charge: charge("Authorized") },
    ]);
    expect(authorized.status).toBe("Authorized");
    expect(
      run(authorized, [{ type: "charge.observed", source: "merchant", charge: charge("Captured") }]).status,
    ).toBe("Paid");
  });

  it("refuses a charge of another charge permission, and takes one of its own", () => {
    const pending = run(draft("Authorize"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("AuthorizationInitiated", { chargeId: "C0" }),
      },
    ]);
    const foreign = applyOrderEvent(pending, {
      type: "charge.observed",
      source: "ipn",
      charge: charge("Captured", { chargeId: "C9" }),
      chargePermissionId: "P-OTHER",
    });
    expect(foreign).toEqual({
      kind: "refused",
      reason: "charge C9 belongs to charge permission P-OTHER, not this order's P",
    });
    const own = applyOrderEvent(pending, {
      type: "charge.observed",
      source: "ipn",
      charge: charge("Authorized", { chargeId: "C0" }),
      chargePermissionId: "P",
    });
    expect(own).toMatchObject({ kind: "applied", to: "Authorized" });
  });

  it("a pending decline fails the order", () => {
    const pending = run(draft("Authorize"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("AuthorizationInitiated"),
      },
    ]);
    expect(
      run(pending, [
        {
          type: "charge.observed",
          source: "ipn",
          charge: charge("Declined", { reasonCode: "HardDeclined" }),
        },
      ]).status,
    ).toBe("Failed");
  });

  it("Confirm waits for a charge, partial captures make it PartiallyPaid then Paid", () => {
    const chargeable: PermissionFact = { state: "Chargeable", updatedAt: 1 };
    const confirmed = run(draft("Confirm"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: chargeable,
        charge: null,
      },
    ]);
    expect(confirmed.status).toBe("AwaitingCharge");
    const partial = run(confirmed, [
      {
        type: "charge.observed",
        source: "merchant",
        charge: charge("Captured", { chargeId: "C1", amountMinor: 2000, capturedMinor: 2000 }),
      },
    ]);
    expect(partial.status).toBe("PartiallyPaid");
    const full = run(partial, [
      {
        type: "charge.observed",
        source: "merchant",
        charge: charge("Captured", { chargeId: "C2", amountMinor: 3000, capturedMinor: 3000 }),
      },
    ]);
    expect(full.status).toBe("Paid");
  });

  it("refunds move Paid to PartiallyRefunded and Refunded only once they settle", () => {
    const paid = run(draft("AuthorizeWithCapture"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("Captured"),
      },
    ]);
    const refund = (state: RefundFact["state"], amountMinor: number, refundId = "R1"): OrderEvent => ({
      type: "refund.observed",
      source: "ipn",
      refund: { refundId, chargeId: "C", state, amountMinor, reasonCode: null },
    });
    expect(run(paid, [refund("RefundInitiated", 1000)]).status).toBe("Paid");
    expect(run(paid, [refund("RefundInitiated", 1000), refund("Refunded", 1000)]).status).toBe(
      "PartiallyRefunded",
    );
    expect(run(paid, [refund("Refunded", 1000), refund("Refunded", 4000, "R2")]).status).toBe("Refunded");
    expect(run(paid, [refund("Declined", 5000)]).status).toBe("Paid");
  });

  it("refuses illegal transitions with a reason", () => {
    const paid = run(draft("AuthorizeWithCapture"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("Captured"),
      },
    ]);
    expect(
      applyOrderEvent(paid, { type: "charge.observed", source: "ipn", charge: charge("Authorized") }),
    ).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("cannot move from Captured to Authorized"),
    });
    expect(
      applyOrderEvent(paid, { type: "checkout.failed", source: "return", reason: "Declined" }),
    ).toMatchObject({ kind: "refused" });
    expect(
      applyOrderEvent(paid, {
        type: "checkout.completed",
        source: "ipn",
        chargePermissionId: "OTHER",
        permission: null,
        charge: null,
      }),
    ).toMatchObject({ kind: "refused" });
    expect(
      applyOrderEvent(draft("Authorize"), {
        type: "charge.observed",
        source: "ipn",
        charge: charge("Authorized"),
      }),
    ).toMatchObject({ kind: "refused" });
    expect(applyOrderEvent(draft("Authorize"), { type: "order.shipped", source: "merchant" })).toMatchObject({
      kind: "refused",
    });
  });

  it("ships only paid orders, once", () => {
    const paid = run(draft("AuthorizeWithCapture"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: null,
        charge: charge("Captured"),
      },
    ]);
    const shipped = run(paid, [{ type: "order.shipped", source: "merchant" }]);
    expect(shipped.fulfillmentStatus).toBe("Shipped");
    expect(applyOrderEvent(shipped, { type: "order.shipped", source: "merchant" }).kind).toBe("unchanged");
  });

  it("a closed charge permission cancels an order that never captured", () => {
    const authorized = run(draft("Confirm"), [
      {
        type: "checkout.completed",
        source: "return",
        chargePermissionId: "P",
        permission: { state: "Chargeable", updatedAt: 1 },
        charge: null,
      },
    ]);
    expect(
      run(authorized, [
        { type: "permission.observed", source: "ipn", permission: { state: "Closed", updatedAt: 2 } },
      ]).status,
    ).toBe("Canceled");
    // An older Chargeable read arriving after Closed is ignored.
    const closed = run(authorized, [
      { type: "permission.observed", source: "ipn", permission: { state: "Closed", updatedAt: 2 } },
    ]);
    expect(
      applyOrderEvent(closed, {
        type: "permission.observed",
        source: "poll",
        permission: { state: "Chargeable", updatedAt: 3 },
      }).kind,
    ).toBe("unchanged");
  });
});
