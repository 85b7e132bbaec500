import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getBuyerOrder } from "@/lib/orders/buyer-view";
import { OrderStatusBanner } from "@/components/orders/order-status-banner";
import { Price } from "@/components/price";
import { TaxRow } from "@/components/tax-row";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

interface OrderPageProps {
  params: Promise<{ orderNumber: string }>;
}

export default async function OrderPage({ params }: OrderPageProps) {
  const order = await getBuyerOrder((await params).orderNumber);
  if (!order) notFound();
  return (
    <>
      <h1>
        Order <span data-testid="order-number">{order.orderNumber}</span>
      </h1>
      <OrderStatusBanner
        initial={{
          orderNumber: order.orderNumber,
          status: order.status,
          settled: order.settled,
          message: order.message,
        }}
      />
      <div className="cart-layout">
        <div>
          <section className="panel" aria-labelledby="items-title">
            <h2 id="items-title">Items</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.name}>
                    <td>{line.name}</td>
                    <td className="num">{line.quantity}</td>
                    <td className="num">
                      <Price value={line.unitPrice} />
                    </td>
                    <td className="num">
                      <Price value={line.lineTotal} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="shipping-title">
            <h2 id="shipping-title">Shipping to</h2>
            <address className="address" data-testid="order-address">
              {order.addressLines.join("\n")}
            </address>
            {order.shipment && (
              <p data-testid="order-shipment">
                Shipped with {order.shipment.carrier}, tracking number {order.shipment.trackingNumber}.
              </p>
            )}
          </section>
          <section className="panel" aria-labelledby="payment-title">
            <h2 id="payment-title">Payment</h2>
            <p data-testid="order-payment">
              Amazon Pay{order.paymentDescriptor ? `: ${order.paymentDescriptor}` : ""}
            </p>
            <p data-testid="order-currency">
              Paid in {order.total.currency}
              {order.ledger && (
                <>
                  {" "}
                  (our prices are in {order.ledger.total.currency}: <Price value={order.ledger.total} /> at 1{" "}
                  {order.ledger.total.currency} = {order.ledger.exchangeRate} {order.total.currency})
                </>
              )}
              .
            </p>
            {order.disputeOpen && (
              <p className="summary__note" data-testid="order-dispute-note">
                A payment dispute is open for this order. Amazon Pay is reviewing it with us; you do not need
                to do anything here.
              </p>
            )}
          </section>
        </div>
        <section className="summary" aria-labelledby="totals-title">
          <h2 id="totals-title">Totals</h2>
          <dl className="summary__amounts">
            <dt>Subtotal</dt>
            <dd>
              <Price value={order.subtotal} />
            </dd>
            <dt>Shipping</dt>
            <dd>{order.shipping.amount === 0 ? "Free" : <Price value={order.shipping} />}</dd>
            {order.taxMode === "sales-tax" && (
              <TaxRow taxMode={order.taxMode} tax={order.tax} testId="order-tax" />
            )}
            <dt className="summary__total">Total</dt>
            <dd className="summary__total" data-testid="order-total">
              <Price value={order.total} />
            </dd>
            {order.taxMode !== "sales-tax" && (
              <TaxRow taxMode={order.taxMode} tax={order.tax} testId="order-tax" />
            )}
            {order.refunded.amount > 0 && (
              <>
                <dt>Refunded</dt>
                <dd data-testid="order-refunded">
                  <Price value={order.refunded} />
                </dd>
              </>
            )}
          </dl>
        </section>
      </div>
    </>
  );
}
