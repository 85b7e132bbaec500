import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyOrderEvent,
  chargeCanMove,
  derivePaymentStatus,
  type ChargeFact,
  type ChargeState,
  type OrderEvent,
  type OrderSnapshot,
  type PermissionFact,
  type RefundFact,
} from "./state-machine";

const draft = (intent: OrderSnapshot["intent"], totalMinor = 5000): OrderSnapshot => ({
  status: "Draft",
  fulfillmentStatus: "Unfulfilled",
  intent,
  totalMinor,
  chargePermissionId: null,
  permission: null,
  charges: [],
  refunds: [],
  failureReason: null,
});

const charge = (state: ChargeState, over: Partial<ChargeFact> = {}): ChargeFact => ({
  chargeId: "S01-0000000-0000000-C000001",
  state,
  amountMinor: 5000,
  capturedMinor: state === "Captured" ? 5000 : 0,
  refundedMinor: 0,
  reasonCode: null,
  ...over,
});

function run(snapshot: OrderSnapshot, events: OrderEvent[]): OrderSnapshot {
  return events.reduce((current, event) => {
    const outcome = applyOrderEvent(current, event);
    return outcome.kind === "applied" ? outcome.next : current;
  }, snapshot);
}

describe("order state machine: examples", () => {
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

// ---- Property: random true histories, observed in random order with duplicates, converge. ----

const CHARGE_NEXT: Record<ChargeState, ChargeState[]> = {
  AuthorizationInitiated: ["Authorized", "Declined", "Canceled"],
  Authorized: ["CaptureInitiated", "Captured", "Canceled"],
  CaptureInitiated: ["Captured", "Declined"],
  Captured: [],
  Canceled: [],
  Declined: [],
};

interface Truth {
  charges: Map<string, ChargeFact>;
  refunds: Map<string, RefundFact>;
  permission: PermissionFact;
}

/** A random true history: the objects' states after each step, as Amazon would answer a GET. */
const historyArbitrary = fc
  .record({
    intent: fc.constantFrom("AuthorizeWithCapture", "Authorize", "Confirm" as const),
    initialPending: fc.boolean(),
    moves: fc.array(
      fc.record({
        kind: fc.constantFrom("advance", "newCharge", "refund", "settleRefund", "permission"),
        pick: fc.nat(),
        flag: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ intent, initialPending, moves }) => {
    const total = 5000;
    const truth: Truth = {
      charges: new Map(),
      refunds: new Map(),
      permission: { state: "Chargeable", updatedAt: 0 },
    };
    let clock = 1;
    if (intent !== "Confirm") {
      const state: ChargeState =
        intent === "AuthorizeWithCapture"
          ? "Captured"
          : initialPending
            ? "AuthorizationInitiated"
            : "Authorized";
      truth.charges.set("C0", {
        chargeId: "C0",
        state,
        amountMinor: total,
        capturedMinor: state === "Captured" ? total : 0,
        refundedMinor: 0,
        reasonCode: null,
      });
    }
    const snapshots: { charges: ChargeFact[]; refunds: RefundFact[]; permission: PermissionFact }[] = [];
    const snap = () =>
      snapshots.push({
        charges: [...truth.charges.values()],
        refunds: [...truth.refunds.values()],
        permission: { ...truth.permission },
      });
    snap();
    for (const move of moves) {
      clock++;
      const charges = [...truth.charges.values()];
      if (move.kind === "advance" && charges.length > 0) {
        const c = charges[move.pick % charges.length]!;
        const options = CHARGE_NEXT[c.state];
        if (options.length > 0) {
          const state = options[move.pick % options.length]!;
          truth.charges.set(c.chargeId, {
            ...c,
            state,
            capturedMinor: state === "Captured" ? c.amountMinor : c.capturedMinor,
          });
        }
      } else if (move.kind === "newCharge" && truth.permission.state !== "Closed" && truth.charges.size < 4) {
        const id = `C${truth.charges.size}`;
        truth.charges.set(id, {
          chargeId: id,
          state: move.flag ? "Authorized" : "AuthorizationInitiated",
          amountMinor: 1000,
          capturedMinor: 0,
          refundedMinor: 0,
          reasonCode: null,
        });
      } else if (move.kind === "refund") {
        const captured = charges.filter((c) => c.state === "Captured");
        if (captured.length > 0) {
          const c = captured[move.pick % captured.length]!;
          const id = `R${truth.refunds.size}`;
          truth.refunds.set(id, {
            refundId: id,
            chargeId: c.chargeId,
            state: "RefundInitiated",
            amountMinor: move.flag ? c.amountMinor : 500,
            reasonCode: null,
          });
        }
      } else if (move.kind === "settleRefund") {
        const open = [...truth.refunds.values()].filter((r) => r.state === "RefundInitiated");
        if (open.length > 0) {
          const r = open[move.pick % open.length]!;
          truth.refunds.set(r.refundId, { ...r, state: move.flag ? "Refunded" : "Declined" });
        }
      } else if (move.kind === "permission" && truth.permission.state !== "Closed") {
        const states = ["Chargeable", "NonChargeable", "Closed"] as const;
        truth.permission = { state: states[move.pick % 3]!, updatedAt: clock };
      }
      snap();
    }
    return { intent, total, snapshots };
  });

function observations(
  snapshots: { charges: ChargeFact[]; refunds: RefundFact[]; permission: PermissionFact }[],
  source: OrderEvent["source"],
): OrderEvent[] {
  return snapshots.flatMap((s) => [
    ...s.charges.map((charge): OrderEvent => ({ type: "charge.observed", source, charge })),
    ...s.refunds.map((refund): OrderEvent => ({ type: "refund.observed", source, refund })),
    { type: "permission.observed", source, permission: s.permission },
  ]);
}

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

  it("never lets money facts go backwards", () => {
    const states: ChargeState[] = [
      "AuthorizationInitiated",
      "Authorized",
      "CaptureInitiated",
      "Captured",
      "Canceled",
      "Declined",
    ];
    for (const from of states) {
      for (const to of states) {
        if (from === "Captured" || from === "Canceled" || from === "Declined")
          expect(chargeCanMove(from, to)).toBe(false);
      }
    }
    expect(chargeCanMove("AuthorizationInitiated", "Captured")).toBe(true);
    expect(chargeCanMove("Authorized", "AuthorizationInitiated")).toBe(false);
  });
});
