// Writes the disputes the state machine decided on, inside the order's compare-and-set
// transaction. A dispute first recorded without an order (its charge was not known yet) is
// adopted by the order here. Open disputes stay on the reconciler's schedule: a dispute never
// depends on one notification.
import type { Prisma } from "@/lib/prisma/types";
import { isOpenDispute, type DisputeFact } from "./dispute-facts";
import { nextPollAt } from "./poll-schedule";
import type { OrderState } from "./snapshot";

export async function writeDisputes(
  tx: Prisma.TransactionClient,
  stored: OrderState,
  disputes: readonly DisputeFact[],
  now: Date,
): Promise<void> {
  for (const dispute of disputes) {
    const before = stored.disputes.find((d) => d.id === dispute.disputeId);
    if (
      before &&
      before.state === dispute.state &&
      before.amazonUpdatedAt.getTime() === dispute.updatedAt &&
      before.resolution === dispute.resolution
    )
      continue;
    const open = isOpenDispute(dispute.state);
    const data = {
      orderId: stored.id,
      chargeId: dispute.chargeId,
      chargePermissionId: stored.chargePermissionId,
      disputeType: dispute.disputeType,
      state: dispute.state,
      reasonCode: dispute.reasonCode,
      filingReason: dispute.filingReason,
      resolution: dispute.resolution,
      amountMinor: dispute.amountMinor,
      currency: stored.currency,
      filedAt: new Date(dispute.filedAt),
      responseDeadline: dispute.responseDeadline === null ? null : new Date(dispute.responseDeadline),
      amazonUpdatedAt: new Date(dispute.updatedAt),
      resolvedAt: open ? null : (before?.resolvedAt ?? now),
      nextPollAt: open ? nextPollAt(now, 0) : null,
      pollAttempts: 0,
    };
    await tx.dispute.upsert({
      where: { id: dispute.disputeId },
      create: { id: dispute.disputeId, ...data },
      update: { ...data, version: { increment: 1 } },
    });
  }
}
