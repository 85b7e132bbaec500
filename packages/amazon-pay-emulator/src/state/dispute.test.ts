import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disputeTransition, openedDisputeStatus, type DisputeEvent, type DisputeStatus } from "./dispute";

const events: DisputeEvent[] = [
  { type: "contest" },
  { type: "accept" },
  { type: "deadlineExpired" },
  { type: "decide", winner: "merchant" },
  { type: "decide", winner: "buyer" },
  { type: "requestEvidence" },
];

const next = (s: DisputeStatus, event: DisputeEvent) => {
  const result = disputeTransition(s, event);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.next;
};

describe("Dispute state machine", () => {
  it("opens ActionRequired, goes UnderReview when contested, and is decided", () => {
    const opened = openedDisputeStatus();
    expect(opened).toEqual({
      state: "ActionRequired",
      reasonCode: "MerchantResponseRequired",
      resolution: null,
    });
    const review = next(opened, { type: "contest" });
    expect(review).toEqual({ state: "UnderReview", reasonCode: null, resolution: null });
    expect(next(review, { type: "decide", winner: "merchant" })).toEqual({
      state: "Resolved",
      reasonCode: "InvestigatorResolved",
      resolution: "MerchantWon",
    });
    expect(next(review, { type: "requestEvidence" })).toMatchObject({
      state: "ActionRequired",
      reasonCode: "MerchantAdditionalEvidencesRequired",
    });
  });

  it("resolves for the buyer when accepted or when the deadline passes unanswered", () => {
    expect(next(openedDisputeStatus(), { type: "accept" })).toEqual({
      state: "Resolved",
      reasonCode: "MerchantAcceptedDispute",
      resolution: "BuyerWon",
    });
    expect(next(openedDisputeStatus(), { type: "deadlineExpired" })).toEqual({
      state: "Resolved",
      reasonCode: "MerchantResponseDeadlineExpired",
      resolution: "BuyerWon",
    });
    const review = next(openedDisputeStatus(), { type: "contest" });
    expect(disputeTransition(review, { type: "deadlineExpired" }).ok).toBe(false);
    expect(disputeTransition(review, { type: "contest" })).toMatchObject({
      ok: false,
      refusal: { status: 422, reasonCode: "InvalidDisputeStatus" },
    });
  });

  it("never leaves Resolved, whatever happens", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 12 }), (sequence) => {
        let status = openedDisputeStatus();
        let wasResolved = false;
        for (const event of sequence) {
          const result = disputeTransition(status, event);
          if (wasResolved) expect(result.ok).toBe(false);
          if (result.ok) status = result.next;
          wasResolved = status.state === "Resolved";
          expect(status.resolution !== null).toBe(wasResolved);
        }
      }),
    );
  });
});
