import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cartUrlWithNotice } from "@/lib/checkout/messages";
import { loadReview } from "@/lib/checkout/review";
import { takeCheckoutRequest } from "@/lib/security/checkout-rate-limit";
import { OrderSummary } from "@/components/cart/order-summary";
import { ChangeActions } from "@/components/checkout/change-actions";
import { PlaceOrderForm } from "@/components/checkout/place-order-form";
import { ShippingMethodForm } from "@/components/checkout/shipping-method-form";
import { Price } from "@/components/price";
import { ConversionNote } from "@/components/cart/conversion-note";

export const metadata: Metadata = { title: "Review your order", robots: { index: false } };

interface ReviewPageProps {
  searchParams: Promise<{ amazonCheckoutSessionId?: string | string[] }>;
}

// Amazon returns the buyer here after sign-in and address/payment selection.
export default async function ReviewPage({ searchParams }: ReviewPageProps) {
  // Anyone can load this page, and it makes the shop call Amazon: a budget per client address.
  if (!takeCheckoutRequest(await headers()).ok) redirect(cartUrlWithNotice("rate-limited"));
  const result = await loadReview((await searchParams).amazonCheckoutSessionId);
  if (!result.ok)
    redirect(result.orderNumber ? `/orders/${result.orderNumber}` : cartUrlWithNotice(result.notice));
  const { view } = result;
  return (
    <>
      <h1>Review your order</h1>
      <div className="cart-layout">
        <div>
          {view.shippingProblem && (
            <p className="notice notice--error" role="alert" data-testid="shipping-problem">
              {view.shippingProblem}
            </p>
          )}
          <section className="panel" aria-labelledby="ship-to-title">
            <div className="panel__header">
              <h2 id="ship-to-title">Shipping to</h2>
              <button id="change-address" type="button" className="link-button">
                Change<span className="visually-hidden"> shipping address</span>
              </button>
            </div>
            <address className="address" data-testid="review-address">
              {view.addressLines.join("\n")}
            </address>
            {view.buyerEmail && <p className="summary__note">Confirmation goes to {view.buyerEmail}</p>}
          </section>
          <section className="panel" aria-labelledby="pay-with-title">
            <div className="panel__header">
              <h2 id="pay-with-title">Paying with</h2>
              <button id="change-payment" type="button" className="link-button">
                Change<span className="visually-hidden"> payment method</span>
              </button>
            </div>
            <p data-testid="review-payment">
              Amazon Pay{view.paymentDescriptor ? `: ${view.paymentDescriptor}` : ""}
            </p>
          </section>
          <section className="panel" aria-labelledby="shipping-method-title">
            <h2 id="shipping-method-title">Shipping method</h2>
            <ShippingMethodForm
              sessionId={view.sessionId}
              options={view.shippingOptions}
              selected={view.cart.quote.shippingMethod}
            />
          </section>
          <section className="panel" aria-labelledby="review-items-title">
            <h2 id="review-items-title">Items</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.cart.lines.map((line) => (
                  <tr key={line.slug}>
                    <td>{line.name}</td>
                    <td className="num">{line.quantity}</td>
                    <td className="num">
                      <Price value={line.lineTotal} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <OrderSummary quote={view.cart.quote}>
          <ConversionNote ledger={view.cart.ledger} />
          <PlaceOrderForm
            sessionId={view.sessionId}
            fingerprint={view.fingerprint}
            disabledReason={view.shippingProblem ? "Choose an address we can ship to first." : null}
          />
        </OrderSummary>
      </div>
      <ChangeActions checkoutJsUrl={view.checkoutJsUrl} sessionId={view.sessionId} />
    </>
  );
}
