// A dispute the shop cannot attach to an order yet (its charge is unknown here, or could not be
// read): kept without an order, so nothing Amazon said is lost, listed for the merchant, and on
// the reconciler's schedule (which backs off, open or not) until an order adopts it
// (lib/orders/write-disputes.ts). A dispute already attached to an order is never detached.
import { recordPaymentEvent } from "@/lib/payment-events";
import type { PrismaClient } from "@/lib/prisma/types";
import { isOpenDispute, type DisputeFact } from "./dispute-facts";
import { nextPollAt } from "./poll-schedule";
import { isUniqueViolation } from "@/lib/prisma/errors";

export async function recordUnmatchedDispute(
  prisma: PrismaClient,
  fact: DisputeFact,
  currency: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  const data = {
    chargeId: fact.chargeId,
    disputeType: fact.disputeType,
    state: fact.state,
    reasonCode: fact.reasonCode,
    filingReason: fact.filingReason,
    resolution: fact.resolution,
    amountMinor: fact.amountMinor,
    currency,
    filedAt: new Date(fact.filedAt),
    responseDeadline: fact.responseDeadline === null ? null : new Date(fact.responseDeadline),
    amazonUpdatedAt: new Date(fact.updatedAt),
    resolvedAt: isOpenDispute(fact.state) ? null : now,
  };
  const existing = await prisma.dispute.findUnique({ where: { id: fact.disputeId } });
  if (existing && existing.orderId !== null) return;
  if (!existing) {
    try {
      await prisma.dispute.create({
        data: { id: fact.disputeId, orderId: null, ...data, nextPollAt: nextPollAt(now, 0) },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return; // recorded at the same moment by another reader
    }
    console.warn(`[disputes] ${fact.disputeId} recorded without an order: ${reason}`);
    await recordPaymentEvent(prisma, {
      orderId: null,
      kind: "reconciler",
      source: "system",
      summary: `Dispute ${fact.disputeId} (${fact.state}) recorded without an order: ${reason}`,
    });
    return;
  }
  await prisma.dispute.updateMany({
    where: { id: fact.disputeId, orderId: null, amazonUpdatedAt: { lte: data.amazonUpdatedAt } },
    data: { ...data, resolvedAt: isOpenDispute(fact.state) ? null : (existing.resolvedAt ?? now) },
  });
}
