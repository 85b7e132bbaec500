import "server-only";
// What the buyer sees of their order on /orders/[orderNumber]: only the browser whose cart
// placed the order may read it.
import { ofCart } from "@/lib/cart/repository";
import { currentCartKey } from "@/lib/cart/server";
import { db } from "@/lib/db";
import type { TaxMode } from "@/lib/market/markets";
import type { Money } from "@/lib/money";
import { asTaxMode, ledgerAmount, orderAmount } from "./order-money";
import { formatAddressLines } from "./address-lines";
import { ORDER_NUMBER_PATTERN } from "./order-number";
import { asOrderStatus } from "./snapshot";
import { isSettledForBuyer, type OrderStatus } from "./state-machine";
import { buyerStatusMessage, type StatusMessage } from "./status-messages";

export interface BuyerOrderView {
  orderNumber: string;
  status: OrderStatus;
  message: StatusMessage;
  settled: boolean;
  placedAt: string;
  lines: { name: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  subtotal: Money;
  shipping: Money;
  /** sales-tax: added to the total; vat, consumption-tax: the part of the total that is tax. */
  taxMode: TaxMode;
  tax: Money;
  total: Money;
  refunded: Money;
  /** The shop's prices in its ledger currency and the rate, when the buyer paid in another currency. */
  ledger: { total: Money; exchangeRate: string } | null;
  addressLines: string[];
  buyerName: string | null;
  paymentDescriptor: string | null;
  shipment: { carrier: string; trackingNumber: string } | null;
  /** A payment dispute (chargeback or claim) is open: the page says so, neutrally. */
  disputeOpen: boolean;
}

/**
 * What finds this browser's order with this number, or null when it can have none. The cart is
 * matched by its cookie token in the order's own query.
 */
async function ownOrder(orderNumber: string) {
  if (!ORDER_NUMBER_PATTERN.test(orderNumber)) return null;
  const cart = await currentCartKey();
  return cart ? { orderNumber, ...ofCart(cart) } : null;
}

/** The order's status as the buyer reads it, on the order page and in its poll alike. */
function statusView(order: { orderNumber: string; status: string; completionStartedAt: Date | null }) {
  const status = asOrderStatus(order.status);
  return {
    orderNumber: order.orderNumber,
    status,
    message: buyerStatusMessage(status, order.completionStartedAt !== null),
    settled: isSettledForBuyer(status),
  };
}

export async function getBuyerOrder(orderNumber: string): Promise<BuyerOrderView | null> {
  const where = await ownOrder(orderNumber);
  const order = where && (await db().order.findUnique({ where, include: { lines: true } }));
  if (!order) return null;
  const amount = (minor: number) => orderAmount(order, minor);
  return {
    ...statusView(order),
    placedAt: order.placedAt.toISOString(),
    lines: order.lines.map((line) => ({
      name: line.name,
      quantity: line.quantity,
      unitPrice: amount(line.unitPriceMinor),
      lineTotal: amount(line.lineTotalMinor),
    })),
    subtotal: amount(order.subtotalMinor),
    shipping: amount(order.shippingMinor),
    taxMode: asTaxMode(order.taxMode),
    tax: amount(order.taxMinor),
    total: amount(order.totalMinor),
    refunded: amount(order.refundedMinor),
    ledger: ledgerAmount(order),
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
    buyerName: order.buyerName,
    paymentDescriptor: order.paymentDescriptor,
    shipment:
      order.fulfillmentStatus === "Shipped" && order.carrierCode && order.trackingNumber
        ? { carrier: order.carrierCode, trackingNumber: order.trackingNumber }
        : null,
    disputeOpen: order.disputeStatus === "ActionRequired" || order.disputeStatus === "UnderReview",
  };
}

/** The small, poll-friendly part of the view (GET /api/orders/[orderNumber]/status): one statement. */
export async function getBuyerOrderStatus(orderNumber: string) {
  const where = await ownOrder(orderNumber);
  const order =
    where &&
    (await db().order.findUnique({
      where,
      select: { orderNumber: true, status: true, completionStartedAt: true },
    }));
  return order && statusView(order);
}
