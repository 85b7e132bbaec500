// Amazon's charge, refund and charge permission states as an order records them (payment facts),
// and how a new observation merges into what is recorded. Facts only move forward along each
// object's transition graph, so observations applied in any order, any number of times, end in
// the same facts; a charge state inferred from an HTTP status gives way to the state read from
// the API. Pure functions only.
export const CHARGE_STATES = [
  "AuthorizationInitiated",
  "Authorized",
  "CaptureInitiated",
  "Captured",
  "Canceled",
  "Declined",
] as const;
export type ChargeState = (typeof CHARGE_STATES)[number];
export const REFUND_STATES = ["RefundInitiated", "Refunded", "Declined"] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const PERMISSION_STATES = ["Chargeable", "NonChargeable", "Closed"] as const;
export type PermissionState = (typeof PERMISSION_STATES)[number];

type Graph<S extends string> = Record<S, readonly S[]>;

/** Amazon's charge state machine. Observations may skip steps (a poll sees only the latest). */
const CHARGE_GRAPH: Graph<ChargeState> = {
  AuthorizationInitiated: ["Authorized", "Declined", "Canceled"],
  Authorized: ["CaptureInitiated", "Captured", "Canceled"],
  CaptureInitiated: ["Captured", "Declined"],
  Captured: [],
  Canceled: [],
  Declined: [],
};
const REFUND_GRAPH: Graph<RefundState> = {
  RefundInitiated: ["Refunded", "Declined"],
  Refunded: [],
  Declined: [],
};

function reachable<S extends string>(graph: Graph<S>, from: S, to: S): boolean {
  const seen = new Set<S>();
  const queue: S[] = [...graph[from]];
  while (queue.length > 0) {
    const state = queue.shift() as S;
    if (state === to) return true;
    if (seen.has(state)) continue;
    seen.add(state);
    queue.push(...graph[state]);
  }
  return false;
}

export const chargeCanMove = (from: ChargeState, to: ChargeState) => reachable(CHARGE_GRAPH, from, to);
export const refundCanMove = (from: RefundState, to: RefundState) => reachable(REFUND_GRAPH, from, to);
export const isTerminalCharge = (state: ChargeState) => CHARGE_GRAPH[state].length === 0;
export const isTerminalRefund = (state: RefundState) => REFUND_GRAPH[state].length === 0;

export interface ChargeFact {
  chargeId: string;
  state: ChargeState;
  amountMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  reasonCode: string | null;
  /** Inferred from Complete's or Finalize's HTTP status, not read from the API: the next read replaces it. */
  inferred?: true;
}

export interface RefundFact {
  refundId: string;
  chargeId: string;
  state: RefundState;
  amountMinor: number;
  reasonCode: string | null;
}

export interface PermissionFact {
  state: PermissionState;
  /** Amazon's statusDetails.lastUpdatedTimestamp, as epoch ms: orders Chargeable ⇄ NonChargeable. */
  updatedAt: number;
}

/**
 * Records an observed charge; stale when it would move the recorded charge backwards. A state
 * read from the API replaces an inferred one whatever the direction (facts move toward the
 * truth), and an inference never overrides what was read.
 */
export function upsertCharge(
  charges: readonly ChargeFact[],
  fact: ChargeFact,
): { charges: ChargeFact[]; changed: boolean; stale: boolean } {
  const existing = charges.find((c) => c.chargeId === fact.chargeId);
  if (!existing) return { charges: [...charges, fact], changed: true, stale: false };
  if (existing.inferred && !fact.inferred)
    return {
      charges: charges.map((c) => (c.chargeId === fact.chargeId ? fact : c)),
      changed: true,
      stale: false,
    };
  if (!existing.inferred && fact.inferred) return { charges: [...charges], changed: false, stale: false };
  if (existing.state !== fact.state && !chargeCanMove(existing.state, fact.state)) {
    return { charges: [...charges], changed: false, stale: true };
  }
  // Within one state, amounts only grow (a later read may show a refund the earlier did not).
  const merged: ChargeFact = {
    ...fact,
    capturedMinor:
      existing.state === fact.state
        ? Math.max(existing.capturedMinor, fact.capturedMinor)
        : fact.capturedMinor,
    refundedMinor: Math.max(existing.refundedMinor, fact.refundedMinor),
  };
  const changed = JSON.stringify(merged) !== JSON.stringify(existing);
  return { charges: charges.map((c) => (c.chargeId === fact.chargeId ? merged : c)), changed, stale: false };
}

/** Records an observed refund; stale when it would move the recorded refund backwards. */
export function upsertRefund(
  refunds: readonly RefundFact[],
  fact: RefundFact,
): { refunds: RefundFact[]; changed: boolean; stale: boolean } {
  const existing = refunds.find((r) => r.refundId === fact.refundId);
  if (!existing) return { refunds: [...refunds, fact], changed: true, stale: false };
  if (existing.state === fact.state) return { refunds: [...refunds], changed: false, stale: false };
  if (!refundCanMove(existing.state, fact.state))
    return { refunds: [...refunds], changed: false, stale: true };
  return {
    refunds: refunds.map((r) => (r.refundId === fact.refundId ? fact : r)),
    changed: true,
    stale: false,
  };
}

/** The newer of two charge permission observations; Closed is final. */
export function mergePermission(
  current: PermissionFact | null,
  fact: PermissionFact | null,
): { permission: PermissionFact | null; stale: boolean } {
  if (!fact) return { permission: current, stale: false };
  if (!current) return { permission: fact, stale: false };
  if (current.state === "Closed" && fact.state !== "Closed") return { permission: current, stale: true };
  if (fact.updatedAt < current.updatedAt && fact.state !== "Closed")
    return { permission: current, stale: true };
  return { permission: fact, stale: false };
}
