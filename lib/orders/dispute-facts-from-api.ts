// Turns a Dispute read from the API into the fact the order state machine records. A dispute in
// a state Amazon does not document, or without an amount, gives no fact: callers report it
// instead of guessing.
import type { Dispute } from "@storefront/amazon-pay/schemas/dispute";
import { parseAmazonTimestamp } from "@storefront/amazon-pay/schemas/lenient";
import { moneyFromPrice } from "@storefront/amazon-pay/schemas/price";
import type { Money } from "@/lib/money";
import { DISPUTE_RESOLUTIONS, DISPUTE_STATES, type DisputeFact } from "./dispute-facts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long the merchant has to answer when Amazon names no deadline: about 11 days for a
 * chargeback, 7 for a claim filed with Amazon (an A-to-z Guarantee claim).
 * https://developer.amazon.com/docs/amazon-pay-api-v2/dispute.html
 */
export const responseWindowDays = (disputeType: string) => (disputeType === "Chargeback" ? 11 : 7);

export function disputeFactFromApi(dispute: Dispute): { fact: DisputeFact; currency: string } | null {
  const { state, resolution, reasonCode, lastUpdatedTimestamp } = dispute.statusDetails;
  if (!(DISPUTE_STATES as readonly string[]).includes(state) || !dispute.disputeAmount) return null;
  if (resolution && !(DISPUTE_RESOLUTIONS as readonly string[]).includes(resolution)) return null;
  let amount: Money;
  try {
    amount = moneyFromPrice(dispute.disputeAmount);
  } catch {
    return null; // a currency or amount the shop cannot represent
  }
  const at = (text: string | null) => (text ? (parseAmazonTimestamp(text)?.getTime() ?? null) : null);
  const disputeType = dispute.disputeType ?? "Chargeback";
  const updatedAt = at(lastUpdatedTimestamp);
  const filedAt = at(dispute.creationTimestamp) ?? updatedAt ?? Date.now();
  const deadline = at(dispute.merchantResponseDeadline) ?? filedAt + responseWindowDays(disputeType) * DAY_MS;
  return {
    currency: amount.currency,
    fact: {
      disputeId: dispute.disputeId,
      chargeId: dispute.chargeId,
      disputeType,
      state: state as DisputeFact["state"],
      reasonCode: reasonCode ?? null,
      resolution: (resolution ?? null) as DisputeFact["resolution"],
      filingReason: dispute.filingReason ?? null,
      amountMinor: amount.amount,
      filedAt,
      responseDeadline: deadline,
      updatedAt: updatedAt ?? filedAt,
    },
  };
}
