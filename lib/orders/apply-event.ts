// Applies an OrderEvent to a stored order: load, decide (state machine), write with
// compare-and-set on the order's version, all in one transaction; on a lost race, reload and
// decide again. Refused events change nothing and are logged in the order's audit trail.
// It reads only the columns the decision needs and does not read the order back afterwards:
// every IPN, poll and completion passes through here, so each statement saved is saved often.
import type { Prisma, PrismaClient } from "@/lib/prisma/types";
import { crashPoint } from "@/lib/crash-point";
import { recordPaymentEvent } from "@/lib/payment-events";
import { pauseUntil } from "./pause-until";
import { nextPollAt } from "./poll-schedule";
import { ORDER_STATE_COLUMNS, toSnapshot, type OrderState } from "./snapshot";
import { writeDisputes } from "./write-disputes";
import { chargedBackMinor, deriveDisputeStatus } from "./dispute-facts";
import { isTerminalCharge, isTerminalRefund } from "./payment-facts";
import { applyOrderEvent, type OrderEvent, type OrderSnapshot, type Outcome } from "./state-machine";

export interface ApplyOptions {
  /** Extra order columns written only when the event is applied (e.g. carrier and tracking). */
  extra?: Prisma.OrderUpdateManyMutationInput;
  /** More writes that belong with the event, made in its transaction right after the order's (only when applied). */
  withWrite?: (tx: Prisma.TransactionClient, next: OrderSnapshot) => Promise<void>;
  now?: () => Date;
  maxAttempts?: number;
}

/** What the order came to: its status after the event (unchanged when refused or unchanged). */
export interface AppliedOrder {
  id: string;
  orderNumber: string;
  currency: string;
  status: string;
  fulfillmentStatus: string;
}

export interface ApplyResult {
  outcome: Outcome;
  order: AppliedOrder;
}

export class OrderConflictError extends Error {
  override name = "OrderConflictError";
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function describe(event: OrderEvent): string {
  switch (event.type) {
    case "charge.observed":
      return `charge ${event.charge.chargeId} ${event.charge.state}${event.charge.inferred ? " (inferred)" : ""}`;
    case "refund.observed":
      return `refund ${event.refund.refundId} ${event.refund.state}`;
    case "permission.observed":
      return `charge permission ${event.permission.state}`;
    case "checkout.completed":
      return `checkout completed (charge permission ${event.chargePermissionId}${event.charge ? `, charge ${event.charge.state}${event.charge.inferred ? " (inferred)" : ""}` : ""})`;
    case "checkout.failed":
      return `checkout failed: ${event.reason}`;
    case "order.shipped":
      return "shipped";
    case "dispute.observed":
      return `dispute ${event.dispute.disputeId} ${event.dispute.state}${event.dispute.resolution ? ` (${event.dispute.resolution})` : ""}`;
  }
}

async function writeSnapshot(
  tx: Prisma.TransactionClient,
  stored: OrderState,
  next: OrderSnapshot,
  event: OrderEvent,
  options: ApplyOptions,
): Promise<boolean> {
  const now = options.now?.() ?? new Date();
  const leavingCheckout = stored.status === "Draft" || stored.status === "Failed";
  const captured = sum(next.charges.filter((c) => c.state === "Captured").map((c) => c.capturedMinor));
  const refunded = sum(next.refunds.filter((r) => r.state === "Refunded").map((r) => r.amountMinor));
  const updated = await tx.order.updateMany({
    where: { id: stored.id, version: stored.version },
    data: {
      ...options.extra,
      status: next.status,
      fulfillmentStatus: next.fulfillmentStatus,
      chargePermissionId: next.chargePermissionId,
      chargePermissionState: next.permission?.state ?? null,
      chargePermissionAt: next.permission ? new Date(next.permission.updatedAt) : null,
      capturedMinor: captured,
      refundedMinor: refunded,
      chargedBackMinor: chargedBackMinor(next.disputes),
      disputeStatus: deriveDisputeStatus(next.disputes),
      failureReason: next.failureReason,
      ...(event.type === "checkout.completed"
        ? {
            chargeId: stored.chargeId ?? event.charge?.chargeId ?? null,
            completedAt: stored.completedAt ?? now,
            nextCheckAt: null,
          }
        : {}),
      ...(event.type === "checkout.failed" ? { nextCheckAt: null } : {}),
      ...(event.type === "order.shipped" ? { shippedAt: now } : {}),
      ...(leavingCheckout && next.status !== "Failed" && next.status !== "Draft"
        ? { completedAt: stored.completedAt ?? now }
        : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return false;
  if (event.type === "checkout.completed") crashPoint("complete:during-write");

  for (const charge of next.charges) {
    const before = stored.charges.find((c) => c.id === charge.chargeId);
    const data = {
      state: charge.state,
      amountMinor: charge.amountMinor,
      capturedMinor: charge.capturedMinor,
      refundedMinor: charge.refundedMinor,
      reasonCode: charge.reasonCode,
      inferred: charge.inferred === true,
      // An inferred state is read back soon, even a terminal one.
      nextPollAt: isTerminalCharge(charge.state) && !charge.inferred ? null : nextPollAt(now, 0),
      pollAttempts: before && before.state === charge.state ? before.pollAttempts : 0,
      ...(charge.state === "Captured" && !before?.capturedAt ? { capturedAt: now } : {}),
    };
    if (!before) {
      await tx.charge.create({
        data: { id: charge.chargeId, orderId: stored.id, currency: stored.currency, ...data },
        select: { id: true },
      });
    } else if (
      before.state !== charge.state ||
      before.capturedMinor !== charge.capturedMinor ||
      before.refundedMinor !== charge.refundedMinor ||
      before.reasonCode !== charge.reasonCode ||
      before.inferred !== (charge.inferred === true)
    ) {
      await tx.charge.update({
        where: { id: charge.chargeId },
        data: { ...data, version: { increment: 1 } },
        select: { id: true },
      });
    }
  }
  for (const refund of next.refunds) {
    const before = stored.refunds.find((r) => r.id === refund.refundId);
    const data = {
      state: refund.state,
      amountMinor: refund.amountMinor,
      reasonCode: refund.reasonCode,
      nextPollAt: isTerminalRefund(refund.state) ? null : nextPollAt(now, 0),
      pollAttempts: 0,
    };
    if (!before) {
      await tx.refund.create({
        data: {
          id: refund.refundId,
          orderId: stored.id,
          chargeId: refund.chargeId,
          currency: stored.currency,
          ...data,
        },
        select: { id: true },
      });
    } else if (before.state !== refund.state) {
      await tx.refund.update({
        where: { id: refund.refundId },
        data: { ...data, version: { increment: 1 } },
        select: { id: true },
      });
    }
  }
  await writeDisputes(tx, stored, next.disputes, now);
  return true;
}

const loadOrder = (db: Prisma.TransactionClient, orderId: string): Promise<OrderState> =>
  db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      ...ORDER_STATE_COLUMNS,
      charges: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      disputes: { orderBy: { createdAt: "asc" } },
    },
  });

function appliedOrder(stored: OrderState, outcome: Outcome): AppliedOrder {
  const after = outcome.kind === "applied" ? outcome.next : null;
  return {
    id: stored.id,
    orderNumber: stored.orderNumber,
    currency: stored.currency,
    status: after?.status ?? stored.status,
    fulfillmentStatus: after?.fulfillmentStatus ?? stored.fulfillmentStatus,
  };
}

// Events for one order from this process are applied one after another. Applied at once (a
// checkout's IPNs arrive together with the buyer's return), they read the same version and all but
// one lose the compare-and-set on PostgreSQL, to load and decide again. Other processes are kept
// apart by the version check alone. A turn waits at most TURN_WAIT_MS for the one before it, so
// an apply that never ends, or one nested in another, cannot hold the order up for good. On
// globalThis: each route's bundle has its own copy of this module.
const TURN_WAIT_MS = 5_000;
const turns = ((
  globalThis as unknown as { __storefrontOrderTurns?: Map<string, Promise<void>> }
).__storefrontOrderTurns ??= new Map<string, Promise<void>>());

async function inTurn<T>(orderId: string, work: () => Promise<T>): Promise<T> {
  const before = turns.get(orderId);
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  turns.set(orderId, mine);
  try {
    if (before) await pauseUntil(before, TURN_WAIT_MS);
    return await work();
  } finally {
    done();
    if (turns.get(orderId) === mine) turns.delete(orderId);
  }
}

export function applyEventToOrder(
  prisma: PrismaClient,
  orderId: string,
  event: OrderEvent,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  return inTurn(orderId, () => applyNow(prisma, orderId, event, options));
}

async function applyNow(
  prisma: PrismaClient,
  orderId: string,
  event: OrderEvent,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const result = await prisma.$transaction(async (tx) => {
      const stored = await loadOrder(tx, orderId);
      const outcome = applyOrderEvent(toSnapshot(stored), event);
      if (outcome.kind !== "applied") return { outcome, stored, conflict: false };
      const written = await writeSnapshot(tx, stored, outcome.next, event, options);
      if (!written) return { outcome, stored, conflict: true };
      await options.withWrite?.(tx, outcome.next);
      await recordPaymentEvent(tx, {
        orderId,
        kind: "transition",
        source: event.source,
        summary:
          outcome.from === outcome.to
            ? `${describe(event)} (status stays ${outcome.to})`
            : `${outcome.from} → ${outcome.to}: ${describe(event)}`,
      });
      return { outcome, stored, conflict: false };
    });
    if (result.conflict) {
      // Another writer changed the order between our read and our write: decide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      continue;
    }
    if (result.outcome.kind === "refused") {
      console.warn(`[orders] refused for order ${orderId}: ${result.outcome.reason}`);
      await recordPaymentEvent(prisma, {
        orderId,
        kind: "refused-transition",
        source: event.source,
        summary: `Refused ${describe(event)}: ${result.outcome.reason}`,
      });
    }
    return { outcome: result.outcome, order: appliedOrder(result.stored, result.outcome) };
  }
  throw new OrderConflictError(`order ${orderId} kept changing; gave up after ${maxAttempts} attempts`);
}
