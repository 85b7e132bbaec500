import { describe, expect, it } from "vitest";
import { initialRefundStatus, refundTransition } from "./refund";

describe("Refund state machine", () => {
  it("starts RefundInitiated and settles once", () => {
    const start = initialRefundStatus();
    expect(start).toEqual({ state: "RefundInitiated", reasonCode: null });
    const refunded = refundTransition(start, { type: "settle" });
    expect(refunded).toEqual({ ok: true, next: { state: "Refunded", reasonCode: null } });
    expect(refundTransition(start, { type: "decline", reasonCode: "AmazonRejected" })).toEqual({
      ok: true,
      next: { state: "Declined", reasonCode: "AmazonRejected" },
    });
    if (refunded.ok)
      expect(refundTransition(refunded.next, { type: "decline", reasonCode: "ProcessingFailure" }).ok).toBe(
        false,
      );
  });
});
