// Test support for disputes in the order state machine: random true dispute histories (each
// dispute's state after each step, as Get Dispute would answer) and the observations IPNs and
// polls make of them. The moves follow Amazon's dispute lifecycle, written out here rather than
// taken from the code under test.
import fc from "fast-check";
import type { DisputeFact } from "./dispute-facts";
import type { OrderEvent } from "./state-machine";

type Move = "contest" | "moreEvidence" | "merchantWins" | "buyerWins" | "accept" | "expire" | "close";

const open = (d: DisputeFact) => d.state === "ActionRequired" || d.state === "UnderReview";

function step(d: DisputeFact, move: Move, at: number): DisputeFact | null {
  const next = (over: Partial<DisputeFact>): DisputeFact => ({ ...d, ...over, updatedAt: at });
  switch (move) {
    case "contest":
      return d.state === "ActionRequired" ? next({ state: "UnderReview", reasonCode: null }) : null;
    case "moreEvidence":
      return d.state === "UnderReview"
        ? next({ state: "ActionRequired", reasonCode: "MerchantAdditionalEvidencesRequired" })
        : null;
    case "merchantWins":
    case "buyerWins":
      return open(d)
        ? next({
            state: "Resolved",
            reasonCode: "InvestigatorResolved",
            resolution: move === "merchantWins" ? "MerchantWon" : "BuyerWon",
            responseDeadline: null,
          })
        : null;
    case "accept":
      return open(d)
        ? next({ state: "Resolved", reasonCode: "MerchantAcceptedDispute", resolution: "BuyerWon" })
        : null;
    case "expire":
      return d.state === "ActionRequired"
        ? next({ state: "Resolved", reasonCode: "MerchantResponseDeadlineExpired", resolution: "BuyerWon" })
        : null;
    case "close":
      return d.state === "Resolved" ? next({ state: "Closed" }) : null;
  }
}

export interface DisputeHistory {
  /** Every dispute's state after each step; the last entry is the truth now. */
  snapshots: DisputeFact[][];
}

/** One to three disputes against captured charges, moved through random steps. */
export const disputeHistoryArbitrary = fc
  .record({
    amounts: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 3 }),
    moves: fc.array(
      fc.record({
        move: fc.constantFrom<Move>(
          "contest",
          "moreEvidence",
          "merchantWins",
          "buyerWins",
          "accept",
          "expire",
          "close",
        ),
        pick: fc.nat(),
        // Several changes may share one timestamp (one millisecond, or a coarse clock).
        sameInstant: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ amounts, moves }): DisputeHistory => {
    let clock = 1_000;
    const truth = new Map<string, DisputeFact>();
    amounts.forEach((amountMinor, i) => {
      const id = `D${i}`;
      truth.set(id, {
        disputeId: id,
        chargeId: `C${i}`,
        disputeType: "Chargeback",
        state: "ActionRequired",
        reasonCode: "MerchantResponseRequired",
        resolution: null,
        filingReason: "ProductNotReceived",
        amountMinor,
        filedAt: clock,
        responseDeadline: clock + 11 * 86_400_000,
        updatedAt: clock,
      });
    });
    const snapshots = [[...truth.values()]];
    for (const { move, pick, sameInstant } of moves) {
      const disputes = [...truth.values()];
      const target = disputes[pick % disputes.length]!;
      // A state change within the same instant as the previous one of this dispute happens
      // only for contesting right after opening; everything else takes time.
      const at = sameInstant && move === "contest" ? target.updatedAt : ++clock;
      const moved = step(target, move, at);
      if (!moved) continue;
      truth.set(target.disputeId, moved);
      snapshots.push([...truth.values()]);
    }
    return { snapshots };
  });

export function disputeObservations(snapshots: DisputeFact[][], source: OrderEvent["source"]): OrderEvent[] {
  return snapshots.flatMap((disputes) =>
    disputes.map((dispute): OrderEvent => ({ type: "dispute.observed", source, dispute })),
  );
}

/** What lost disputes took back, computed from the truth directly. */
export const expectedChargedBack = (disputes: DisputeFact[]) =>
  disputes
    .filter((d) => (d.state === "Resolved" || d.state === "Closed") && d.resolution === "BuyerWon")
    .reduce((total, d) => total + d.amountMinor, 0);
