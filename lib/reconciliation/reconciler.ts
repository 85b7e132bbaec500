import "server-only";
// The reconciler: finishes what notifications and buyers left unfinished. It polls pending
// charges and refunds with bounded backoff (stopping at terminal states; a charge state inferred
// from Complete's answer is read back once), and finishes Draft orders: a checkout whose buyer
// came back or was sent to Amazon more than RECONCILER_DRAFT_GRACE_SECONDS ago is completed
// (lib/checkout/reconcile-draft.ts), even when the buyer never returns. Runs every
// RECONCILER_INTERVAL_SECONDS inside each server (one instance at a time, by lease) and on
// demand with `npm run reconcile`.
import { reconcileDraftOrder } from "@/lib/checkout/reconcile-draft";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { nextPollAt } from "@/lib/orders/poll-schedule";
import { syncCharge, syncRefund } from "./sync";
import { syncDispute } from "./sync-dispute";

/** A checkout session lives 24 h at Amazon; a Draft order older than this is settled from it. */
const ABANDONED_AFTER_MS = 25 * 60 * 60 * 1000;

export interface ReconcileSummary {
  drafts: number;
  charges: number;
  refunds: number;
  disputes: number;
  changed: number;
  errors: number;
}

export async function reconcileOnce(options: { now?: Date; limit?: number } = {}): Promise<ReconcileSummary> {
  const prisma = db();
  const now = options.now ?? new Date();
  // Checkouts sent to Amazon this long ago are completed even without a schedule (the buyer may never come back).
  const draftGraceMs = env().RECONCILER_DRAFT_GRACE_SECONDS * 1000;
  const limit = options.limit ?? 50;
  const summary: ReconcileSummary = { drafts: 0, charges: 0, refunds: 0, disputes: 0, changed: 0, errors: 0 };

  const drafts = await prisma.order.findMany({
    where: {
      status: "Draft",
      OR: [
        { nextCheckAt: { lte: now } },
        { nextCheckAt: null, redirectedAt: { lte: new Date(now.getTime() - draftGraceMs) } },
        { nextCheckAt: null, completionStartedAt: { not: null } },
        // Never sent to Amazon (Place order failed and was not retried): settle it once Amazon's session has expired.
        { nextCheckAt: null, createdAt: { lte: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
      ],
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  for (const order of drafts) {
    summary.drafts++;
    try {
      const outcome = await reconcileDraftOrder(order, "reconciler", now);
      if (outcome.kind === "placed" || outcome.kind === "failed") summary.changed++;
    } catch (error) {
      summary.errors++;
      console.error(`[reconciler] order ${order.orderNumber}:`, error);
    }
  }

  const charges = await prisma.charge.findMany({
    where: { nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: limit,
  });
  for (const charge of charges) {
    summary.charges++;
    try {
      const result = await syncCharge(charge.id, "poll");
      if (result.kind === "applied" && result.result.outcome.kind === "applied") summary.changed++;
      else
        await prisma.charge.updateMany({
          where: { id: charge.id, version: charge.version },
          data: { pollAttempts: { increment: 1 }, nextPollAt: nextPollAt(now, charge.pollAttempts + 1) },
        });
    } catch (error) {
      summary.errors++;
      console.error(`[reconciler] charge ${charge.id}:`, error);
    }
  }

  const refunds = await prisma.refund.findMany({
    where: { nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: limit,
  });
  for (const refund of refunds) {
    summary.refunds++;
    try {
      const result = await syncRefund(refund.id, "poll");
      if (result.kind === "applied" && result.result.outcome.kind === "applied") summary.changed++;
      else
        await prisma.refund.updateMany({
          where: { id: refund.id, version: refund.version },
          data: { pollAttempts: { increment: 1 }, nextPollAt: nextPollAt(now, refund.pollAttempts + 1) },
        });
    } catch (error) {
      summary.errors++;
      console.error(`[reconciler] refund ${refund.id}:`, error);
    }
  }

  // Open disputes (and those not matched to an order yet) are read back until they end, so a
  // lost CHARGEBACK notification never leaves one behind.
  const disputes = await prisma.dispute.findMany({
    where: { nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: limit,
  });
  for (const dispute of disputes) {
    summary.disputes++;
    try {
      const result = await syncDispute(dispute.id, "poll");
      if (result.kind === "applied" && result.result.outcome.kind === "applied") summary.changed++;
      else
        await prisma.dispute.updateMany({
          where: { id: dispute.id, version: dispute.version },
          data: { pollAttempts: { increment: 1 }, nextPollAt: nextPollAt(now, dispute.pollAttempts + 1) },
        });
    } catch (error) {
      summary.errors++;
      console.error(`[reconciler] dispute ${dispute.id}:`, error);
    }
  }
  return summary;
}
