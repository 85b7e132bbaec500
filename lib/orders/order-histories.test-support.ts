// Test support for the order state machine: a Draft order, replaying events on it, and random
// true payment histories (the objects' states after each step, as Amazon would answer a GET)
// with the observations IPNs and polls make of them.
import fc from "fast-check";
import type { ChargeFact, ChargeState, PermissionFact, RefundFact } from "./payment-facts";
import { applyOrderEvent, type OrderEvent, type OrderSnapshot } from "./state-machine";

export const draft = (intent: OrderSnapshot["intent"], totalMinor = 5000): OrderSnapshot => ({
  status: "Draft",
  fulfillmentStatus: "Unfulfilled",
  intent,
  totalMinor,
  chargePermissionId: null,
  permission: null,
  charges: [],
  refunds: [],
  disputes: [],
  failureReason: null,
});

export const charge = (state: ChargeState, over: Partial<ChargeFact> = {}): ChargeFact => ({
  chargeId: "S01-0000000-0000000-C000001",
  state,
  amountMinor: 5000,
  capturedMinor: state === "Captured" ? 5000 : 0,
  refundedMinor: 0,
  reasonCode: null,
  ...over,
});

/** Applies the events in order, keeping what each applied event decides. */
export function run(snapshot: OrderSnapshot, events: OrderEvent[]): OrderSnapshot {
  return events.reduce((current, event) => {
    const outcome = applyOrderEvent(current, event);
    return outcome.kind === "applied" ? outcome.next : current;
  }, snapshot);
}

// Written out again rather than taken from payment-facts.ts, so the histories do not depend on
// the code under test.
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
export const historyArbitrary = fc
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

export function observations(
  snapshots: { charges: ChargeFact[]; refunds: RefundFact[]; permission: PermissionFact }[],
  source: OrderEvent["source"],
): OrderEvent[] {
  return snapshots.flatMap((s) => [
    ...s.charges.map((charge): OrderEvent => ({ type: "charge.observed", source, charge })),
    ...s.refunds.map((refund): OrderEvent => ({ type: "refund.observed", source, refund })),
    { type: "permission.observed", source, permission: s.permission },
  ]);
}
