// Property: random true histories, observed in random order with duplicates, converge.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { draft, historyArbitrary, observations, run } from "./order-histories.test-support";
import { derivePaymentStatus, type OrderEvent } from "./state-machine";

describe("order state machine: convergence under random interleavings", () => {
  const shuffle = <T>(items: T[], randoms: Iterator<number>): T[] =>
    items
      .map((item) => ({ item, key: randoms.next().value as number }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);

  it("observations in any order, duplicated, after completion: ends in the status the final truth implies", () => {
    fc.assert(
      fc.property(
        historyArbitrary,
        fc.infiniteStream(fc.nat()),
        fc.nat({ max: 3 }),
        ({ intent, total, snapshots }, randoms, duplicates) => {
          const first = snapshots[0]!;
          const completion: OrderEvent = {
            type: "checkout.completed",
            source: "return",
            chargePermissionId: "P",
            permission: first.permission,
            charge: first.charges[0] ?? null,
          };
          // IPNs, polls and merchant reads of every intermediate state, some duplicated, racing.
          const events = observations(snapshots, "ipn");
          for (let i = 0; i < duplicates; i++) events.push(...observations(snapshots.slice(-1), "poll"));
          const final = run(draft(intent, total), [
            completion,
            ...shuffle(events, randoms[Symbol.iterator]()),
          ]);
          const last = snapshots.at(-1)!;
          expect(final.status).toBe(
            derivePaymentStatus({
              totalMinor: total,
              charges: last.charges,
              refunds: last.refunds,
              permission: last.permission,
            }),
          );
          expect(new Map(final.charges.map((c) => [c.chargeId, c.state]))).toEqual(
            new Map(last.charges.map((c) => [c.chargeId, c.state])),
          );
          expect(new Map(final.refunds.map((r) => [r.refundId, r.state]))).toEqual(
            new Map(last.refunds.map((r) => [r.refundId, r.state])),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("observations that race ahead of the completion are refused, and the reconciler's sweep converges", () => {
    fc.assert(
      fc.property(historyArbitrary, fc.infiniteStream(fc.nat()), ({ intent, total, snapshots }, randoms) => {
        const first = snapshots[0]!;
        const completion: OrderEvent = {
          type: "checkout.completed",
          source: "ipn",
          chargePermissionId: "P",
          permission: first.permission,
          charge: first.charges[0] ?? null,
        };
        const racing = shuffle([...observations(snapshots, "ipn"), completion], randoms[Symbol.iterator]());
        const sweep = observations(snapshots.slice(-1), "poll");
        const final = run(draft(intent, total), [...racing, ...sweep]);
        const last = snapshots.at(-1)!;
        expect(final.status).toBe(
          derivePaymentStatus({
            totalMinor: total,
            charges: last.charges,
            refunds: last.refunds,
            permission: last.permission,
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("applying the same events again changes nothing", () => {
    fc.assert(
      fc.property(historyArbitrary, ({ intent, total, snapshots }) => {
        const first = snapshots[0]!;
        const events: OrderEvent[] = [
          {
            type: "checkout.completed",
            source: "return",
            chargePermissionId: "P",
            permission: first.permission,
            charge: first.charges[0] ?? null,
          },
          ...observations(snapshots, "ipn"),
        ];
        const once = run(draft(intent, total), events);
        expect(run(once, events)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
