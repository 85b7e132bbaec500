import "server-only";
// Reads a dispute (chargeback, claim) from the API, then its charge, and feeds the dispute's
// state to the order state machine. CHARGEBACK IPNs, the reconciler and the merchant's contest
// all end here. A dispute whose charge the shop cannot match to an order is still recorded
// (without an order), listed for the merchant and read again until it can be matched: a dispute
// is never dropped.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { disputeFactFromApi } from "@/lib/orders/dispute-facts-from-api";
import { recordUnmatchedDispute } from "@/lib/orders/unmatched-dispute";
import type { EventSource } from "@/lib/payment-events";
import { syncCharge, type SyncResult } from "./sync";

export async function syncDispute(disputeId: string, source: EventSource): Promise<SyncResult> {
  const prisma = db();
  let dispute;
  try {
    dispute = (
      await withAmazonPayAudit(prisma, { orderId: null, source }, () =>
        amazonPay().client.disputes.get(disputeId),
      )
    ).data;
  } catch (error) {
    if (error instanceof AmazonPayError)
      return { kind: "unreadable", detail: `${error.kind} ${error.reasonCode ?? ""}` };
    throw error;
  }
  const parsed = disputeFactFromApi(dispute);
  if (!parsed)
    return {
      kind: "unreadable",
      detail: `dispute ${disputeId} has no amount or is in an undocumented state ${dispute.statusDetails.state}`,
    };
  const unmatched = async (reason: string) => {
    await recordUnmatchedDispute(prisma, parsed.fact, parsed.currency, reason);
    return `dispute ${disputeId}: ${reason}; recorded without an order`;
  };

  // The charge as Amazon has it now: it names the order, and brings its state up to date.
  const charge = parsed.fact.chargeId ? await syncCharge(parsed.fact.chargeId, source) : null;
  if (charge?.kind === "unreadable") {
    return { kind: "unreadable", detail: await unmatched(`its charge could not be read (${charge.detail})`) };
  }
  if (charge?.kind !== "applied")
    return {
      kind: "unknown-order",
      detail: await unmatched(
        parsed.fact.chargeId
          ? `charge ${parsed.fact.chargeId} belongs to no order of this shop yet`
          : "it names no charge",
      ),
    };
  const order = charge.result.order;
  if (order.currency !== parsed.currency)
    return {
      kind: "unknown-order",
      detail: await unmatched(`its currency ${parsed.currency} is not the order's ${order.currency}`),
    };
  const result = await applyEventToOrder(prisma, order.id, {
    type: "dispute.observed",
    source,
    dispute: parsed.fact,
  });
  if (result.outcome.kind === "refused")
    return { kind: "unknown-order", detail: await unmatched(result.outcome.reason) };
  return { kind: "applied", result };
}
