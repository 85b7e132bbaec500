// Property: disputes observed in any order, duplicated, interleaved with the payment's own
// observations, converge on the true dispute states, the order's dispute status and the money
// taken back; the payment status stays what the charges and refunds imply.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargedBackMinor, deriveDisputeStatus, type DisputeFact } from "./dispute-facts";
import {
  disputeHistoryArbitrary,
  disputeObservations,
  expectedChargedBack,
} from "./dispute-histories.test-support";
import { draft, historyArbitrary, observations, run } from "./order-histories.test-support";
import { derivePaymentStatus, type OrderEvent } from "./state-machine";

const shuffle = <T>(items: T[], randoms: Iterator<number>): T[] =>
  items
    .map((item) => ({ item, key: randoms.next().value as number }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

const byId = (disputes: readonly DisputeFact[]) =>
  new Map(disputes.map((d) => [d.disputeId, `${d.state}/${d.resolution ?? "-"}/${d.reasonCode ?? "-"}`]));

function expectedStatus(disputes: DisputeFact[]): string {
  if (disputes.some((d) => d.state === "ActionRequired")) return "ActionRequired";
  if (disputes.some((d) => d.state === "UnderReview")) return "UnderReview";
  if (expectedChargedBack(disputes) > 0) return "Lost";
  if (disputes.some((d) => d.resolution === "MerchantWon")) return "Won";
  return "Closed";
}

// Disputes are filed against captured money: payment histories that start captured.
const capturedHistory = historyArbitrary.filter(({ intent }) => intent === "AuthorizeWithCapture");

describe("order state machine: disputes converge under random interleavings", () => {
  it("dispute and payment observations in any order, duplicated: ends in the truth", () => {
    fc.assert(
      fc.property(
        capturedHistory,
        disputeHistoryArbitrary,
        fc.infiniteStream(fc.nat()),
        fc.nat({ max: 3 }),
        ({ intent, total, snapshots }, disputes, randoms, duplicates) => {
          const first = snapshots[0]!;
          const completion: OrderEvent = {
            type: "checkout.completed",
            source: "return",
            chargePermissionId: "P",
            permission: first.permission,
            charge: first.charges[0] ?? null,
          };
          const events = [
            ...observations(snapshots, "ipn"),
            ...disputeObservations(disputes.snapshots, "ipn"),
          ];
          for (let i = 0; i < duplicates; i++)
            events.push(...disputeObservations(disputes.snapshots.slice(-1), "poll"));
          const final = run(draft(intent, total), [
            completion,
            ...shuffle(events, randoms[Symbol.iterator]()),
          ]);
          const last = snapshots.at(-1)!;
          const truth = disputes.snapshots.at(-1)!;
          expect(byId(final.disputes)).toEqual(byId(truth));
          expect(deriveDisputeStatus(final.disputes)).toBe(expectedStatus(truth));
          expect(chargedBackMinor(final.disputes)).toBe(expectedChargedBack(truth));
          expect(final.status).toBe(
            derivePaymentStatus({
              totalMinor: total,
              charges: last.charges,
              refunds: last.refunds,
              permission: last.permission,
            }),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("dispute observations racing ahead of the completion are refused; the reconciler's sweep converges", () => {
    fc.assert(
      fc.property(disputeHistoryArbitrary, fc.infiniteStream(fc.nat()), (disputes, randoms) => {
        const completion: OrderEvent = {
          type: "checkout.completed",
          source: "ipn",
          chargePermissionId: "P",
          permission: { state: "Chargeable", updatedAt: 0 },
          charge: {
            chargeId: "C0",
            state: "Captured",
            amountMinor: 5000,
            capturedMinor: 5000,
            refundedMinor: 0,
            reasonCode: null,
          },
        };
        const racing = shuffle(
          [...disputeObservations(disputes.snapshots, "ipn"), completion],
          randoms[Symbol.iterator](),
        );
        const sweep = disputeObservations(disputes.snapshots.slice(-1), "poll");
        const final = run(draft("AuthorizeWithCapture"), [...racing, ...sweep]);
        const truth = disputes.snapshots.at(-1)!;
        expect(byId(final.disputes)).toEqual(byId(truth));
        expect(chargedBackMinor(final.disputes)).toBe(expectedChargedBack(truth));
        expect(final.status).toBe("Paid");
      }),
      { numRuns: 300 },
    );
  });

  it("observing the same disputes again changes nothing", () => {
    fc.assert(
      fc.property(disputeHistoryArbitrary, (disputes) => {
        const completion: OrderEvent = {
          type: "checkout.completed",
          source: "return",
          chargePermissionId: "P",
          permission: { state: "Chargeable", updatedAt: 0 },
          charge: null,
        };
        const events = [completion, ...disputeObservations(disputes.snapshots, "ipn")];
        const once = run(draft("Confirm"), events);
        expect(run(once, events)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
