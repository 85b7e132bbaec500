import "server-only";
// Reads an Amazon object (charge, refund, charge permission) from the API and feeds its state to
// the order state machine. IPNs, the reconciler and merchant actions all end here, so an
// object's state always comes from the API, never from a notification's body.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import type { Charge } from "@storefront/amazon-pay/schemas/charge";
import type { ChargePermission } from "@storefront/amazon-pay/schemas/charge-permission";
import { moneyFromPrice } from "@storefront/amazon-pay/schemas/price";
import { chargeFactFromApi, permissionFactFromApi } from "@/lib/orders/payment-facts-from-api";
import { reconcileDraftOrder } from "@/lib/checkout/reconcile-draft";
import { db } from "@/lib/db";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import { DRAFT_ORDER_COLUMNS, type DraftOrder } from "@/lib/orders/draft-order";
import { applyEventToOrder, type ApplyResult } from "@/lib/orders/apply-event";
import { checkoutDone } from "@/lib/orders/state-machine";
import { awaitCompletionClaim, completionClaimHeld } from "@/lib/orders/completion-claim";
import { REFUND_STATES, type ChargeFact, type RefundFact } from "@/lib/orders/payment-facts";
import { CHARGE_FACT_COLUMNS, chargeFact } from "@/lib/orders/snapshot";
import type { EventSource } from "@/lib/payment-events";

export type SyncResult =
  | { kind: "applied"; result: ApplyResult }
  | { kind: "draft-reconciled"; orderNumber: string }
  | { kind: "unknown-order"; detail: string }
  | { kind: "unreadable"; detail: string };

/**
 * The order an Amazon object belongs to: our rows first; then, for an object that names our order
 * itself (a charge created by a checkout carries the session's merchantReferenceId), that order if
 * it holds no other charge permission, which needs no call to Amazon; then the charge
 * permission's merchantReferenceId, read from Amazon.
 */
async function orderFor(
  ids: { chargeId?: string | null; chargePermissionId?: string | null; orderNumber?: string | null },
  source: EventSource,
  known?: ChargePermission,
): Promise<DraftOrder | null> {
  const prisma = db();
  if (ids.chargeId) {
    const charge = await prisma.charge.findUnique({
      where: { id: ids.chargeId },
      select: { order: { select: DRAFT_ORDER_COLUMNS } },
    });
    if (charge) return charge.order;
  }
  const permissionId = ids.chargePermissionId;
  if (!permissionId) return null;
  const byPermission = await prisma.order.findFirst({
    where: { chargePermissionId: permissionId },
    select: DRAFT_ORDER_COLUMNS,
  });
  if (byPermission) return byPermission;
  if (ids.orderNumber) {
    const named = await prisma.order.findUnique({
      where: { orderNumber: ids.orderNumber },
      select: { ...DRAFT_ORDER_COLUMNS, chargePermissionId: true },
    });
    // Its own permission may have been recorded since the lookup above.
    if (named && (named.chargePermissionId ?? permissionId) === permissionId) return named;
  }
  return orderByMerchantReference(permissionId, source, known);
}

/** Checkout completed at Amazon but not recorded here yet: the charge permission names our order. */
async function orderByMerchantReference(
  chargePermissionId: string,
  source: EventSource,
  known?: ChargePermission,
): Promise<DraftOrder | null> {
  const prisma = db();
  const permission =
    known ??
    (
      await withAmazonPayAudit(prisma, { orderId: null, source }, () =>
        amazonPay().client.chargePermissions.get(chargePermissionId),
      )
    ).data;
  const reference = permission.merchantMetadata?.merchantReferenceId;
  return reference
    ? prisma.order.findUnique({ where: { orderNumber: reference }, select: DRAFT_ORDER_COLUMNS })
    : null;
}

/** How long an IPN waits for a completion under way (the buyer's, usually) before answering. */
const IPN_CLAIM_WAIT_MS = 2_000;

async function whenCompleted(
  draftOrOrder: DraftOrder,
  source: EventSource,
  apply: () => Promise<ApplyResult>,
): Promise<SyncResult> {
  const order =
    draftOrOrder.status === "Draft"
      ? await awaitCompletionClaim(db(), draftOrOrder.id, IPN_CLAIM_WAIT_MS)
      : draftOrOrder;
  if (order.status === "Draft" && completionClaimHeld(order))
    // Its holder records the outcome; the reconciler follows up if it does not.
    return { kind: "draft-reconciled", orderNumber: order.orderNumber };
  if (order.status === "Draft") {
    const outcome = await reconcileDraftOrder(order, source);
    if (outcome.kind === "not-found") return { kind: "unknown-order", detail: order.orderNumber };
    const after = await db().order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    if (after.status === "Draft") return { kind: "draft-reconciled", orderNumber: order.orderNumber };
  }
  return { kind: "applied", result: await apply() };
}

function sameChargeFact(a: ChargeFact, b: ChargeFact): boolean {
  return (
    a.chargeId === b.chargeId &&
    a.state === b.state &&
    a.amountMinor === b.amountMinor &&
    a.capturedMinor === b.capturedMinor &&
    a.refundedMinor === b.refundedMinor &&
    a.reasonCode === b.reasonCode &&
    (a.inferred === true) === (b.inferred === true)
  );
}

export async function syncCharge(chargeId: string, source: EventSource, known?: Charge): Promise<SyncResult> {
  const prisma = db();
  let charge = known;
  if (!charge) {
    try {
      charge = (
        await withAmazonPayAudit(prisma, { orderId: null, source }, () =>
          amazonPay().client.charges.get(chargeId),
        )
      ).data;
    } catch (error) {
      if (error instanceof AmazonPayError)
        return { kind: "unreadable", detail: `${error.kind} ${error.reasonCode ?? ""}` };
      throw error;
    }
  }
  const fact = chargeFactFromApi(charge);
  if (!fact)
    return {
      kind: "unreadable",
      detail: `charge ${chargeId} is in an undocumented state ${charge.statusDetails.state}`,
    };
  const stored = await prisma.charge.findUnique({
    where: { id: chargeId },
    select: {
      ...CHARGE_FACT_COLUMNS,
      order: { select: { ...DRAFT_ORDER_COLUMNS, fulfillmentStatus: true } },
    },
  });
  // Amazon sends a notification per transition but a read gives the latest state, so a second
  // notification often finds what the first one recorded: that needs no transaction.
  if (stored && checkoutDone(stored.order.status) && sameChargeFact(chargeFact(stored), fact))
    return {
      kind: "applied",
      result: {
        outcome: { kind: "unchanged", reason: "charge state already recorded" },
        order: stored.order,
      },
    };
  // Not recorded yet: its checkout is still being completed (the charge's IPN often comes while
  // the buyer's Complete writes) or was never recorded.
  const order =
    stored?.order ??
    (await orderFor(
      {
        chargePermissionId: charge.chargePermissionId,
        orderNumber: charge.merchantMetadata?.merchantReferenceId,
      },
      source,
    ));
  if (!order) return { kind: "unknown-order", detail: `charge ${chargeId}` };
  return whenCompleted(order, source, () =>
    applyEventToOrder(prisma, order.id, {
      type: "charge.observed",
      source,
      charge: fact,
      chargePermissionId: charge.chargePermissionId ?? undefined,
    }),
  );
}

export async function syncRefund(refundId: string, source: EventSource): Promise<SyncResult> {
  const prisma = db();
  let refund;
  try {
    refund = (
      await withAmazonPayAudit(prisma, { orderId: null, source }, () =>
        amazonPay().client.refunds.get(refundId),
      )
    ).data;
  } catch (error) {
    if (error instanceof AmazonPayError)
      return { kind: "unreadable", detail: `${error.kind} ${error.reasonCode ?? ""}` };
    throw error;
  }
  const state = refund.statusDetails.state;
  if (!(REFUND_STATES as readonly string[]).includes(state) || !refund.chargeId || !refund.refundAmount) {
    return {
      kind: "unreadable",
      detail: `refund ${refundId} is incomplete or in an undocumented state ${state}`,
    };
  }
  const order = await orderFor({ chargeId: refund.chargeId }, source);
  if (!order) return { kind: "unknown-order", detail: `refund ${refundId}` };
  const fact: RefundFact = {
    refundId: refund.refundId,
    chargeId: refund.chargeId,
    state: state as RefundFact["state"],
    amountMinor: moneyFromPrice(refund.refundAmount).amount,
    reasonCode: refund.statusDetails.reasonCode ?? null,
  };
  return {
    kind: "applied",
    result: await applyEventToOrder(prisma, order.id, { type: "refund.observed", source, refund: fact }),
  };
}

export async function syncChargePermission(
  chargePermissionId: string,
  source: EventSource,
): Promise<SyncResult> {
  const prisma = db();
  let permission;
  try {
    permission = (
      await withAmazonPayAudit(prisma, { orderId: null, source }, () =>
        amazonPay().client.chargePermissions.get(chargePermissionId),
      )
    ).data;
  } catch (error) {
    if (error instanceof AmazonPayError)
      return { kind: "unreadable", detail: `${error.kind} ${error.reasonCode ?? ""}` };
    throw error;
  }
  const fact = permissionFactFromApi(permission);
  if (!fact)
    return {
      kind: "unreadable",
      detail: `charge permission ${chargePermissionId} is in an undocumented state`,
    };
  const stored = await prisma.order.findFirst({
    where: { chargePermissionId },
    select: {
      ...DRAFT_ORDER_COLUMNS,
      fulfillmentStatus: true,
      chargePermissionState: true,
      chargePermissionAt: true,
    },
  });
  // As for charges: a notification that finds the state already recorded needs no transaction.
  if (
    stored &&
    checkoutDone(stored.status) &&
    stored.chargePermissionState === fact.state &&
    (stored.chargePermissionAt?.getTime() ?? 0) === fact.updatedAt
  )
    return {
      kind: "applied",
      result: {
        outcome: { kind: "unchanged", reason: "charge permission state already recorded" },
        order: stored,
      },
    };
  const order = stored ?? (await orderByMerchantReference(chargePermissionId, source, permission));
  if (!order) return { kind: "unknown-order", detail: `charge permission ${chargePermissionId}` };
  return whenCompleted(order, source, () =>
    applyEventToOrder(prisma, order.id, { type: "permission.observed", source, permission: fact }),
  );
}
