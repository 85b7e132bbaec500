import "server-only";
// The merchant's reads: the order list (with status filter) and one order with its payment
// history. Callers must have checked the merchant session (proxy + page).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { ledgerAmount, orderAmount, asTaxMode } from "@/lib/orders/order-money";
import { asOrderStatus, type OrderWithPayments } from "@/lib/orders/snapshot";
import { formatAddressLines } from "@/lib/orders/address-lines";
import { checkoutDone } from "@/lib/orders/state-machine";
import {
  NEEDS_ACTION,
  type AdminOrderDetail,
  type AdminOrderRow,
  type AdminStatusFilter,
} from "./admin-view";
import { capturableMinor, capturedMinor, refundableMinor } from "./payment-amounts";

export async function listAdminOrders(filter: AdminStatusFilter, limit = 100): Promise<AdminOrderRow[]> {
  const where =
    filter === "all" ? {} : filter === "needs-action" ? { status: { in: NEEDS_ACTION } } : { status: filter };
  const rows = await db().order.findMany({ where, orderBy: { placedAt: "desc" }, take: limit });
  return rows.map((row) => ({
    orderNumber: row.orderNumber,
    placedAt: row.placedAt.toISOString(),
    buyerName: row.buyerName,
    total: orderAmount(row, row.totalMinor),
    status: asOrderStatus(row.status),
    fulfillmentStatus: row.fulfillmentStatus,
    paymentIntent: row.paymentIntent,
    flow: row.flow,
  }));
}

export async function getAdminOrder(orderNumber: string): Promise<AdminOrderDetail | null> {
  const order:
    | (OrderWithPayments & {
        lines: { name: string; quantity: number; lineTotalMinor: number }[];
        events: {
          id: string;
          createdAt: Date;
          kind: string;
          source: string;
          summary: string;
          detail: string | null;
        }[];
      })
    | null = await db().order.findUnique({
    where: { orderNumber },
    include: {
      charges: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      lines: true,
      events: { orderBy: { createdAt: "asc" }, take: 500 },
    },
  });
  if (!order) return null;
  const latest = await db().merchantAction.findFirst({
    where: { orderId: order.id, status: { not: "running" } },
    orderBy: { updatedAt: "desc" },
  });
  const latestResult = latest?.result
    ? (JSON.parse(latest.result) as { ok: boolean; message?: string; error?: string })
    : null;
  const amount = (minor: number) => orderAmount(order, minor);
  const status = asOrderStatus(order.status);
  const done = checkoutDone(status);
  return {
    orderNumber: order.orderNumber,
    placedAt: order.placedAt.toISOString(),
    buyerName: order.buyerName,
    total: amount(order.totalMinor),
    ledger: ledgerAmount(order),
    status,
    fulfillmentStatus: order.fulfillmentStatus,
    paymentIntent: order.paymentIntent,
    flow: order.flow,
    checkoutSessionId: order.checkoutSessionId,
    chargePermissionId: order.chargePermissionId,
    chargePermissionState: order.chargePermissionState,
    buyerEmail: order.buyerEmail,
    addressLines: formatAddressLines({
      name: order.shipName,
      addressLine1: order.shipLine1,
      addressLine2: order.shipLine2,
      addressLine3: order.shipLine3,
      city: order.shipCity,
      district: order.shipDistrict,
      county: order.shipCounty,
      stateOrRegion: order.shipState,
      postalCode: order.shipPostalCode,
      countryCode: order.shipCountry,
    }),
    paymentDescriptor: order.paymentDescriptor,
    failureReason: order.failureReason,
    carrierCode: order.carrierCode,
    trackingNumber: order.trackingNumber,
    lines: order.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      lineTotal: amount(l.lineTotalMinor),
    })),
    subtotal: amount(order.subtotalMinor),
    shipping: amount(order.shippingMinor),
    taxMode: asTaxMode(order.taxMode),
    tax: amount(order.taxMinor),
    captured: amount(capturedMinor(order)),
    refunded: amount(order.refundedMinor),
    capturable: amount(capturableMinor(order)),
    refundable: amount(refundableMinor(order)),
    charges: order.charges.map((c) => ({
      id: c.id,
      state: c.state,
      amount: amount(c.amountMinor),
      captured: amount(c.capturedMinor),
      reasonCode: c.reasonCode,
      updatedAt: c.updatedAt.toISOString(),
    })),
    refunds: order.refunds.map((r) => ({
      id: r.id,
      chargeId: r.chargeId,
      state: r.state,
      amount: amount(r.amountMinor),
      reasonCode: r.reasonCode,
      updatedAt: r.updatedAt.toISOString(),
    })),
    events: order.events.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      kind: e.kind,
      source: e.source,
      summary: e.summary,
      detail: e.detail,
    })),
    can: {
      capture:
        done &&
        capturableMinor(order) > 0 &&
        order.chargePermissionState !== "Closed" &&
        !order.charges.some((c) => c.state === "AuthorizationInitiated"),
      cancel: order.charges.some((c) => c.state === "Authorized" || c.state === "AuthorizationInitiated"),
      refund: refundableMinor(order) > 0,
      close: done && order.chargePermissionId !== null && order.chargePermissionState !== "Closed",
      ship:
        done &&
        order.fulfillmentStatus !== "Shipped" &&
        ["Authorized", "AwaitingCharge", "Paid", "PartiallyPaid", "PartiallyRefunded"].includes(status),
    },
    lastAction:
      latest && latestResult
        ? {
            kind: latest.kind,
            ok: latestResult.ok,
            message: latestResult.message ?? latestResult.error ?? "",
            at: latest.updatedAt.toISOString(),
          }
        : null,
    actionKey: () => randomBytes(18).toString("base64url"),
  };
}
