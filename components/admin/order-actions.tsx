import {
  cancelAction,
  captureAction,
  closeAction,
  refreshOrderAction,
  refundAction,
  shipAction,
} from "@/lib/merchant/action";
import type { AdminOrderDetail } from "@/lib/merchant/admin-view";
import { CARRIERS } from "@/lib/merchant/carriers";
import { toDecimalString } from "@/lib/money";
import { Price } from "@/components/price";
import { ActionForm } from "./action-form";
import { formatTimestamp } from "./timestamp";

/** The actions the order allows now, each a form with its own idempotency key, and the last outcome. */
export function OrderActions({ order }: { order: AdminOrderDetail }) {
  return (
    <section className="panel stack" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {order.lastAction && (
        <p
          className={`notice ${order.lastAction.ok ? "notice--ok" : "notice--error"}`}
          role="status"
          data-testid="admin-last-action"
        >
          Last action ({order.lastAction.kind}, {formatTimestamp(order.lastAction.at)}):{" "}
          {order.lastAction.message}
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
              Amount to capture in {order.capturable.currency} (up to <Price value={order.capturable} />)
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
              Amount to refund in {order.refundable.currency} (up to <Price value={order.refundable} />)
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
  );
}
