// Converts between database rows and the state machine's OrderSnapshot.
import type { PaymentIntent } from "@/lib/env";
import { PAYMENT_INTENTS } from "@/lib/env";
import type { Charge, Dispute, Order, Refund } from "@/lib/prisma/types";
import {
  DISPUTE_RESOLUTIONS,
  DISPUTE_STATES,
  type DisputeFact,
  type DisputeResolution,
  type DisputeState,
} from "./dispute-facts";
import {
  CHARGE_STATES,
  PERMISSION_STATES,
  REFUND_STATES,
  type ChargeFact,
  type ChargeState,
  type PermissionState,
  type RefundFact,
  type RefundState,
} from "./payment-facts";
import {
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  type FulfillmentStatus,
  type OrderSnapshot,
  type OrderStatus,
} from "./state-machine";

export type OrderWithPayments = Order & { charges: Charge[]; refunds: Refund[] };
/** What the state machine decides on: the order's payments and its disputes. */
export type OrderWithPaymentsAndDisputes = OrderWithPayments & { disputes: Dispute[] };

/**
 * The order columns the state machine reads and its writer compares, and nothing more: an Order
 * row has some seventy columns, and reading them all costs more CPU than the decision itself.
 */
export const ORDER_STATE_COLUMNS = {
  id: true,
  orderNumber: true,
  version: true,
  status: true,
  fulfillmentStatus: true,
  paymentIntent: true,
  currency: true,
  totalMinor: true,
  chargePermissionId: true,
  chargePermissionState: true,
  chargePermissionAt: true,
  chargeId: true,
  completedAt: true,
  failureReason: true,
} as const;
type OrderStateColumns = Pick<Order, keyof typeof ORDER_STATE_COLUMNS>;
/** An order's state with its payments and disputes: what applying an event reads and compares. */
export type OrderState = OrderStateColumns & { charges: Charge[]; refunds: Refund[]; disputes: Dispute[] };

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new Error(`unknown ${what} "${value}" in the database`);
}

export const asOrderStatus = (value: string): OrderStatus => oneOf(ORDER_STATUSES, value, "order status");
export const asChargeState = (value: string): ChargeState => oneOf(CHARGE_STATES, value, "charge state");
export const asRefundState = (value: string): RefundState => oneOf(REFUND_STATES, value, "refund state");
export const asPermissionState = (value: string): PermissionState =>
  oneOf(PERMISSION_STATES, value, "charge permission state");
export const asPaymentIntent = (value: string): PaymentIntent =>
  oneOf(PAYMENT_INTENTS, value, "payment intent");
export const asDisputeState = (value: string): DisputeState => oneOf(DISPUTE_STATES, value, "dispute state");
const asDisputeResolution = (value: string): DisputeResolution =>
  oneOf(DISPUTE_RESOLUTIONS, value, "dispute resolution");
const asFulfillment = (value: string): FulfillmentStatus =>
  oneOf(FULFILLMENT_STATUSES, value, "fulfillment status");

/** The charge columns a ChargeFact is made of. */
export const CHARGE_FACT_COLUMNS = {
  id: true,
  state: true,
  amountMinor: true,
  capturedMinor: true,
  refundedMinor: true,
  reasonCode: true,
  inferred: true,
} as const;

export function chargeFact(row: Pick<Charge, keyof typeof CHARGE_FACT_COLUMNS>): ChargeFact {
  return {
    chargeId: row.id,
    state: asChargeState(row.state),
    amountMinor: row.amountMinor,
    capturedMinor: row.capturedMinor,
    refundedMinor: row.refundedMinor,
    reasonCode: row.reasonCode,
    ...(row.inferred ? { inferred: true as const } : {}),
  };
}

export function refundFact(row: Refund): RefundFact {
  return {
    refundId: row.id,
    chargeId: row.chargeId,
    state: asRefundState(row.state),
    amountMinor: row.amountMinor,
    reasonCode: row.reasonCode,
  };
}

export function disputeFact(row: Dispute): DisputeFact {
  return {
    disputeId: row.id,
    chargeId: row.chargeId,
    disputeType: row.disputeType,
    state: asDisputeState(row.state),
    reasonCode: row.reasonCode,
    resolution: row.resolution ? asDisputeResolution(row.resolution) : null,
    filingReason: row.filingReason,
    amountMinor: row.amountMinor,
    filedAt: row.filedAt.getTime(),
    responseDeadline: row.responseDeadline?.getTime() ?? null,
    updatedAt: row.amazonUpdatedAt.getTime(),
  };
}

export function toSnapshot(order: OrderState): OrderSnapshot {
  return {
    status: asOrderStatus(order.status),
    fulfillmentStatus: asFulfillment(order.fulfillmentStatus),
    intent: asPaymentIntent(order.paymentIntent),
    totalMinor: order.totalMinor,
    chargePermissionId: order.chargePermissionId,
    permission: order.chargePermissionState
      ? {
          state: asPermissionState(order.chargePermissionState),
          updatedAt: order.chargePermissionAt?.getTime() ?? 0,
        }
      : null,
    charges: order.charges.map(chargeFact),
    refunds: order.refunds.map(refundFact),
    disputes: order.disputes.map(disputeFact),
    failureReason: order.failureReason,
  };
}
