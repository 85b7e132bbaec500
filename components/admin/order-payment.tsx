import type { AdminOrderDetail } from "@/lib/merchant/admin-view";
import { Price } from "@/components/price";
import { StatusBadge } from "./status-badge";

/** The merchant's view of an order's payment: amounts, charge permission, charges and refunds. */
export function OrderPayment({ order }: { order: AdminOrderDetail }) {
  return (
    <section className="panel" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment</h2>
      <dl className="summary__amounts">
        <dt>Total</dt>
        <dd data-testid="admin-total">
          <Price value={order.total} />
        </dd>
        <dt>Charged in</dt>
        <dd data-testid="admin-charged-currency">
          {order.total.currency}
          {order.ledger && (
            <>
              {" "}
              (ledger <Price value={order.ledger.total} /> at {order.ledger.exchangeRate})
            </>
          )}
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
  );
}
