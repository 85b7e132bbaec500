import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin/auth";
import {
  cancelAction,
  captureAction,
  closeAction,
  refreshOrderAction,
  refundAction,
  shipAction,
} from "@/lib/merchant/action";
import { getAdminOrder } from "@/lib/merchant/admin-view";
import { CARRIERS } from "@/lib/merchant/carriers";
import { toDecimalString } from "@/lib/money";
import { ActionForm } from "@/components/admin/action-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { Price } from "@/components/price";

export const metadata: Metadata = { title: "Order · Merchant", robots: { index: false } };

interface AdminOrderPageProps {
  params: Promise<{ orderNumber: string }>;
}

const time = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AdminOrderPage({ params }: AdminOrderPageProps) {
  const { orderNumber } = await params;
  if (!(await isAdmin())) redirect(`/admin/login?next=/admin/orders/${encodeURIComponent(orderNumber)}`);
  const order = await getAdminOrder(orderNumber);
  if (!order) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <Link href="/admin/orders">Orders</Link> / <span aria-current="page">{order.orderNumber}</span>
      </nav>
      <div className="panel__header">
        <h1>Order {order.orderNumber}</h1>
        <p data-testid="admin-order-status">
          <StatusBadge status={order.status} /> <StatusBadge status={order.fulfillmentStatus} />
        </p>
      </div>
      {order.failureReason && <p className="notice notice--error">Failure reason: {order.failureReason}</p>}
      <div className="cart-layout">
        <div>
          <section className="panel" aria-labelledby="payment-title">
            <h2 id="payment-title">Payment</h2>
            <dl className="summary__amounts">
              <dt>Total</dt>
              <dd>
                <Price value={order.total} />
              </dd>
              <dt>Captured</dt>
              <dd data-testid="admin-captured">
                <Price value={order.captured} />
              </dd>
              <dt>Refunded</dt>
              <dd data-testid="admin-refunded">
                <Price value={order.refunded} />
              </dd>
              <dt>Payment intent</dt>
              <dd>{order.paymentIntent}</dd>
              <dt>Charge permission</dt>
              <dd>
                {order.chargePermissionId ?? "—"}{" "}
                {order.chargePermissionState && <StatusBadge status={order.chargePermissionState} />}
              </dd>
              <dt>Checkout session</dt>
              <dd>
                <code>{order.checkoutSessionId}</code>
              </dd>
            </dl>
            <h3>Charges</h3>
            {order.charges.length === 0 ? (
              <p className="summary__note">No charges yet.</p>
            ) : (
              <table className="data-table" data-testid="admin-charges">
                <thead>
                  <tr>
                    <th scope="col">Charge</th>
                    <th scope="col">State</th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                    <th scope="col" className="num">
                      Captured
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {order.charges.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <code>{c.id}</code>
                      </td>
                      <td>
                        <StatusBadge status={c.state} /> {c.reasonCode}
                      </td>
                      <td className="num">
                        <Price value={c.amount} />
                      </td>
                      <td className="num">
                        <Price value={c.captured} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Refunds</h3>
            {order.refunds.length === 0 ? (
              <p className="summary__note">No refunds.</p>
            ) : (
              <table className="data-table" data-testid="admin-refunds">
                <thead>
                  <tr>
                    <th scope="col">Refund</th>
                    <th scope="col">State</th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {order.refunds.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <code>{r.id}</code>
                      </td>
                      <td>
                        <StatusBadge status={r.state} /> {r.reasonCode}
                      </td>
                      <td className="num">
                        <Price value={r.amount} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title">Payment history</h2>
            <ol className="stack" style={{ paddingLeft: 18 }} data-testid="admin-events">
              {order.events.map((e) => (
                <li key={e.id}>
                  <span className="summary__note">
                    {time(e.at)} · {e.kind} · {e.source}
                  </span>
                  <br />
                  {e.summary}
                  {e.detail && (
                    <details>
                      <summary>Details</summary>
                      <pre style={{ whiteSpace: "pre-wrap", fontSize: "0.8rem" }}>{e.detail}</pre>
                    </details>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div>
          <section className="panel stack" aria-labelledby="actions-title">
            <h2 id="actions-title">Actions</h2>
            {order.lastAction && (
              <p
                className={`notice ${order.lastAction.ok ? "notice--ok" : "notice--error"}`}
                role="status"
                data-testid="admin-last-action"
              >
                Last action ({order.lastAction.kind}, {time(order.lastAction.at)}): {order.lastAction.message}
              </p>
            )}
            {order.can.capture && (
              <ActionForm
                action={captureAction}
                orderNumber={order.orderNumber}
                actionKey={order.actionKey()}
                submitLabel="Capture"
                pendingLabel="Capturing…"
                testId="capture-form"
              >
                <div className="field">
                  <label htmlFor="capture-amount">
                    Amount to capture (up to ${toDecimalString(order.capturable)})
                  </label>
                  <input
                    id="capture-amount"
                    name="amount"
                    inputMode="decimal"
                    placeholder={toDecimalString(order.capturable)}
                  />
                </div>
              </ActionForm>
            )}
            {order.can.refund && (
              <ActionForm
                action={refundAction}
                orderNumber={order.orderNumber}
                actionKey={order.actionKey()}
                submitLabel="Refund"
                pendingLabel="Refunding…"
                testId="refund-form"
              >
                <div className="field">
                  <label htmlFor="refund-amount">
                    Amount to refund (up to ${toDecimalString(order.refundable)})
                  </label>
                  <input
                    id="refund-amount"
                    name="amount"
                    inputMode="decimal"
                    placeholder={toDecimalString(order.refundable)}
                  />
                </div>
              </ActionForm>
            )}
            {order.can.ship && (
              <ActionForm
                action={shipAction}
                orderNumber={order.orderNumber}
                actionKey={order.actionKey()}
                submitLabel="Mark shipped"
                pendingLabel="Shipping…"
                testId="ship-form"
              >
                <div className="field">
                  <label htmlFor="carrier">Carrier</label>
                  <select id="carrier" name="carrierCode" defaultValue="UPS">
                    {CARRIERS.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="tracking">Tracking number</label>
                  <input id="tracking" name="trackingNumber" autoComplete="off" required />
                </div>
              </ActionForm>
            )}
            {order.can.cancel && (
              <ActionForm
                action={cancelAction}
                orderNumber={order.orderNumber}
                actionKey={order.actionKey()}
                submitLabel="Cancel authorization"
                pendingLabel="Canceling…"
                testId="cancel-form"
                tone="secondary"
              />
            )}
            {order.can.close && (
              <ActionForm
                action={closeAction}
                orderNumber={order.orderNumber}
                actionKey={order.actionKey()}
                submitLabel="Close charge permission"
                pendingLabel="Closing…"
                testId="close-form"
                tone="secondary"
              >
                <label className="row">
                  <input type="checkbox" name="cancelPendingCharges" /> Also cancel pending charges
                </label>
              </ActionForm>
            )}
            <ActionForm
              action={refreshOrderAction}
              orderNumber={order.orderNumber}
              submitLabel="Refresh from Amazon Pay"
              pendingLabel="Refreshing…"
              testId="refresh-form"
              tone="secondary"
            />
          </section>
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
              Subtotal <Price value={order.subtotal} />, shipping <Price value={order.shipping} />, tax{" "}
              <Price value={order.tax} />
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
