import { describe, expect, it } from "vitest";
import {
  chargedBackMinor,
  deriveDisputeStatus,
  disputedMinor,
  upsertDispute,
  type DisputeFact,
} from "./dispute-facts";
import { charge, draft, run } from "./order-histories.test-support";
import { applyOrderEvent, type OrderEvent } from "./state-machine";

const dispute = (over: Partial<DisputeFact> = {}): DisputeFact => ({
  disputeId: "D1",
  chargeId: "S01-0000000-0000000-C000001",
  disputeType: "Chargeback",
  state: "ActionRequired",
  reasonCode: "MerchantResponseRequired",
  resolution: null,
  filingReason: "ProductNotReceived",
  amountMinor: 2000,
  filedAt: 1_000,
  responseDeadline: 1_000 + 11 * 86_400_000,
  updatedAt: 1_000,
  ...over,
});

const observed = (d: DisputeFact): OrderEvent => ({ type: "dispute.observed", source: "ipn", dispute: d });
const paid = () =>
  run(draft("AuthorizeWithCapture"), [
    {
      type: "checkout.completed",
      source: "return",
      chargePermissionId: "P",
      permission: null,
      charge: charge("Captured"),
    },
  ]);

describe("disputes in the order state machine", () => {
  it("an open dispute holds its amount, takes nothing back and leaves the payment status alone", () => {
    const order = run(paid(), [observed(dispute())]);
    expect(order.status).toBe("Paid");
    expect(deriveDisputeStatus(order.disputes)).toBe("ActionRequired");
    expect(disputedMinor(order.disputes)).toBe(2000);
    expect(chargedBackMinor(order.disputes)).toBe(0);
  });

  it("contested, then lost: the amount is charged back", () => {
    const order = run(paid(), [
      observed(dispute()),
      observed(dispute({ state: "UnderReview", reasonCode: null, updatedAt: 2_000 })),
      observed(dispute({ state: "Resolved", resolution: "BuyerWon", updatedAt: 3_000 })),
    ]);
    expect(deriveDisputeStatus(order.disputes)).toBe("Lost");
    expect(chargedBackMinor(order.disputes)).toBe(2000);
    expect(disputedMinor(order.disputes)).toBe(0);
  });

  it("contested, then won: nothing is charged back", () => {
    const order = run(paid(), [
      observed(dispute({ state: "UnderReview", reasonCode: null, updatedAt: 2_000 })),
      observed(dispute({ state: "Resolved", resolution: "MerchantWon", updatedAt: 3_000 })),
    ]);
    expect(deriveDisputeStatus(order.disputes)).toBe("Won");
    expect(chargedBackMinor(order.disputes)).toBe(0);
  });

  it("a dispute ended without a winner takes nothing back", () => {
    const order = run(paid(), [observed(dispute({ state: "Closed", resolution: "NoFault", updatedAt: 5 }))]);
    expect(deriveDisputeStatus(order.disputes)).toBe("Closed");
    expect(chargedBackMinor(order.disputes)).toBe(0);
  });

  it("an older observation arriving late is ignored; a resolution is final", () => {
    const resolved = run(paid(), [
      observed(dispute({ state: "Resolved", resolution: "MerchantWon", updatedAt: 3_000 })),
    ]);
    expect(applyOrderEvent(resolved, observed(dispute({ updatedAt: 9_000 })))).toMatchObject({
      kind: "unchanged",
    });
    const review = run(paid(), [observed(dispute({ state: "UnderReview", updatedAt: 2_000 }))]);
    expect(applyOrderEvent(review, observed(dispute({ updatedAt: 1_000 })))).toMatchObject({
      kind: "unchanged",
    });
  });

  it("Amazon asking for more evidence reopens a contested dispute with a new deadline", () => {
    const order = run(paid(), [
      observed(dispute({ state: "UnderReview", updatedAt: 2_000 })),
      observed(
        dispute({
          reasonCode: "MerchantAdditionalEvidencesRequired",
          updatedAt: 4_000,
          responseDeadline: 99,
        }),
      ),
    ]);
    expect(deriveDisputeStatus(order.disputes)).toBe("ActionRequired");
    expect(order.disputes[0]).toMatchObject({ responseDeadline: 99 });
  });

  it("a dispute for an order whose checkout has not completed is refused", () => {
    expect(applyOrderEvent(draft("AuthorizeWithCapture"), observed(dispute()))).toMatchObject({
      kind: "refused",
    });
  });

  it("the most pressing dispute names the order's status", () => {
    const { disputes } = upsertDispute(
      [dispute({ disputeId: "D1", state: "Resolved", resolution: "BuyerWon" })],
      dispute({ disputeId: "D2", state: "UnderReview" }),
    );
    expect(deriveDisputeStatus(disputes)).toBe("UnderReview");
    expect(deriveDisputeStatus([])).toBe("None");
  });
});
