// Amazon's disputes (chargebacks, claims) as an order records them, how a new observation merges
// into what is recorded, and what the disputes mean for the order: its dispute status and the
// money taken back. A dispute moves ActionRequired ⇄ UnderReview (Amazon may ask for more
// evidence) until it is Resolved or Closed, which is final; between open states the newer
// observation (Amazon's lastUpdatedTimestamp) wins, so observations applied in any order, any
// number of times, end in the same facts. Pure functions only.
export const DISPUTE_STATES = ["ActionRequired", "UnderReview", "Resolved", "Closed"] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export const DISPUTE_RESOLUTIONS = ["BuyerWon", "MerchantWon", "NoFault"] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

/** The order's disputes in one word, the most pressing first: what the merchant must look at. */
export const ORDER_DISPUTE_STATUSES = [
  "None", // never disputed
  "ActionRequired", // an open dispute waits for the merchant's answer
  "UnderReview", // contested; Amazon decides
  "Lost", // resolved for the buyer: the amount was taken back
  "Won", // resolved for the merchant: the amount stays with the merchant
  "Closed", // ended without a winner (no fault, or closed): no money taken back
] as const;
export type OrderDisputeStatus = (typeof ORDER_DISPUTE_STATUSES)[number];

export interface DisputeFact {
  disputeId: string;
  chargeId: string | null;
  disputeType: string;
  state: DisputeState;
  reasonCode: string | null;
  resolution: DisputeResolution | null;
  filingReason: string | null;
  amountMinor: number;
  /** Epoch ms: when the dispute was filed. */
  filedAt: number;
  /** Epoch ms: the last moment to contest; null once Amazon no longer waits for the merchant. */
  responseDeadline: number | null;
  /** Epoch ms: Amazon's statusDetails.lastUpdatedTimestamp; orders observations of open states. */
  updatedAt: number;
}

export const isOpenDispute = (state: DisputeState) => state === "ActionRequired" || state === "UnderReview";

/** Final states cannot be left; Closed may still follow Resolved. */
const rank = (state: DisputeState) => (state === "Closed" ? 2 : state === "Resolved" ? 1 : 0);

// Same timestamp, two open states: contesting is what follows an opening within one instant.
const openOrder = (state: DisputeState) => (state === "UnderReview" ? 1 : 0);

/** True when `fact` describes a later moment of the dispute than `current`. */
function isNewer(current: DisputeFact, fact: DisputeFact): boolean {
  if (rank(fact.state) !== rank(current.state)) return rank(fact.state) > rank(current.state);
  if (rank(fact.state) > 0) return false; // the same final state again: the first word stands
  if (fact.updatedAt !== current.updatedAt) return fact.updatedAt > current.updatedAt;
  return openOrder(fact.state) > openOrder(current.state);
}

/** Records an observed dispute; stale when it is older than (or the same as) what is recorded. */
export function upsertDispute(
  disputes: readonly DisputeFact[],
  fact: DisputeFact,
): { disputes: DisputeFact[]; stale: boolean } {
  const existing = disputes.find((d) => d.disputeId === fact.disputeId);
  if (!existing) return { disputes: [...disputes, fact], stale: false };
  if (!isNewer(existing, fact)) return { disputes: [...disputes], stale: true };
  return { disputes: disputes.map((d) => (d.disputeId === fact.disputeId ? fact : d)), stale: false };
}

const lost = (d: DisputeFact) => !isOpenDispute(d.state) && d.resolution === "BuyerWon";
const won = (d: DisputeFact) => !isOpenDispute(d.state) && d.resolution === "MerchantWon";

/** What lost disputes took back from the merchant (a won dispute gives its amount back). */
export const chargedBackMinor = (disputes: readonly DisputeFact[]) =>
  disputes.filter(lost).reduce((total, d) => total + d.amountMinor, 0);

/** What open disputes hold until they are decided. */
export const disputedMinor = (disputes: readonly DisputeFact[]) =>
  disputes.filter((d) => isOpenDispute(d.state)).reduce((total, d) => total + d.amountMinor, 0);

export function deriveDisputeStatus(disputes: readonly DisputeFact[]): OrderDisputeStatus {
  if (disputes.length === 0) return "None";
  if (disputes.some((d) => d.state === "ActionRequired")) return "ActionRequired";
  if (disputes.some((d) => d.state === "UnderReview")) return "UnderReview";
  if (disputes.some(lost)) return "Lost";
  if (disputes.some(won)) return "Won";
  return "Closed";
}
