import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin/auth";
import { getOrderDisputes } from "@/lib/merchant/disputes-server";
import { getAdminOrder } from "@/lib/merchant/server";
import { OrderActions } from "@/components/admin/order-actions";
import { OrderDisputes } from "@/components/admin/order-disputes";
import { OrderPayment } from "@/components/admin/order-payment";
import { PaymentHistory } from "@/components/admin/payment-history";
import { StatusBadge } from "@/components/admin/status-badge";
import { Price } from "@/components/price";

export const metadata: Metadata = { title: "Order · Merchant", robots: { index: false } };

interface AdminOrderPageProps {
  params: Promise<{ orderNumber: string }>;
}

export default async function AdminOrderPage({ params }: AdminOrderPageProps) {
  const { orderNumber } = await params;
  if (!(await isAdmin())) redirect(`/admin/login?next=/admin/orders/${encodeURIComponent(orderNumber)}`);
  const order = await getAdminOrder(orderNumber);
  const disputes = await getOrderDisputes(orderNumber);
  if (!order || !disputes) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="/admin/orders">Orders</a> / <span aria-current="page">{order.orderNumber}</span>
      </nav>
      <div className="panel__header">
        <h1>Order {order.orderNumber}</h1>
        <p data-testid="admin-order-status">
          <StatusBadge status={order.status} /> <StatusBadge status={order.fulfillmentStatus} />
        </p>
      </div>
      {order.failureReason && <p className="notice notice--error">Failure reason: {order.failureReason}</p>}
      <OrderDisputes
        orderNumber={order.orderNumber}
        disputes={disputes.disputes}
        money={disputes.money}
        actionKey={order.actionKey}
      />
      <div className="cart-layout">
        <div>
          <OrderPayment order={order} />
          <PaymentHistory events={order.events} />
        </div>
        <div>
          <OrderActions order={order} />
          <section className="panel" aria-labelledby="buyer-title">
            <h2 id="buyer-title">Buyer and shipping</h2>
            <p>
              {order.buyerName ?? "—"}
              {order.buyerEmail ? ` · ${order.buyerEmail}` : ""}
            </p>
            <address className="address">{order.addressLines.join("\n")}</address>
            {order.trackingNumber && (
              <p data-testid="admin-tracking">
                {order.carrierCode} {order.trackingNumber}
              </p>
            )}
            <p className="summary__note">Payment: {order.paymentDescriptor ?? "—"}</p>
          </section>
          <section className="panel" aria-labelledby="lines-title">
            <h2 id="lines-title">Items</h2>
            <ul>
              {order.lines.map((l) => (
                <li key={l.name}>
                  {l.quantity} × {l.name}: <Price value={l.lineTotal} />
                </li>
              ))}
            </ul>
            <p className="summary__note">
              Subtotal <Price value={order.subtotal} />, shipping <Price value={order.shipping} />,{" "}
              {order.taxMode === "sales-tax"
                ? "tax"
                : `incl. ${order.taxMode === "vat" ? "VAT" : "consumption tax"}`}{" "}
              <Price value={order.tax} />
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
