// What the merchant pages show: the order list's rows, filtered by status, and one order in
// detail with its payment history and the actions it allows. Plain data, for server and client
// components alike; lib/merchant/server.ts reads it.
import type { TaxMode } from "@/lib/market/markets";
import type { Money } from "@/lib/money";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/orders/state-machine";

export interface AdminOrderRow {
  orderNumber: string;
  placedAt: string;
  buyerName: string | null;
  total: Money;
  status: OrderStatus;
  fulfillmentStatus: string;
  paymentIntent: string;
  flow: string;
}

export const ADMIN_STATUS_FILTERS = ["all", "needs-action", ...ORDER_STATUSES] as const;
export type AdminStatusFilter = (typeof ADMIN_STATUS_FILTERS)[number];

/** Statuses that wait for the merchant (capture, or a charge on the permission). */
export const NEEDS_ACTION: OrderStatus[] = [
  "Authorized",
  "AwaitingCharge",
  "PaymentPending",
  "PartiallyPaid",
];

export function parseStatusFilter(value: unknown): AdminStatusFilter {
  return typeof value === "string" && (ADMIN_STATUS_FILTERS as readonly string[]).includes(value)
    ? (value as AdminStatusFilter)
    : "all";
}

export interface AdminOrderDetail extends AdminOrderRow {
  /** The total in the shop's ledger currency and the rate, when the buyer paid in another currency. */
  ledger: { total: Money; exchangeRate: string } | null;
  checkoutSessionId: string;
  chargePermissionId: string | null;
  chargePermissionState: string | null;
  buyerEmail: string | null;
  addressLines: string[];
  paymentDescriptor: string | null;
  failureReason: string | null;
  carrierCode: string | null;
  trackingNumber: string | null;
  lines: { name: string; quantity: number; lineTotal: Money }[];
  subtotal: Money;
  shipping: Money;
  taxMode: TaxMode;
  tax: Money;
  captured: Money;
  refunded: Money;
  capturable: Money;
  refundable: Money;
  charges: {
    id: string;
    state: string;
    amount: Money;
    captured: Money;
    reasonCode: string | null;
    updatedAt: string;
  }[];
  refunds: {
    id: string;
    chargeId: string;
    state: string;
    amount: Money;
    reasonCode: string | null;
    updatedAt: string;
  }[];
  events: { id: string; at: string; kind: string; source: string; summary: string; detail: string | null }[];
  can: { capture: boolean; cancel: boolean; refund: boolean; close: boolean; ship: boolean };
  /** The outcome of the latest merchant action (kept in the action ledger), shown above the forms. */
  lastAction: { kind: string; ok: boolean; message: string; at: string } | null;
  /** Fresh idempotency key per rendered form. */
  actionKey: () => string;
}
