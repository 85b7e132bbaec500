import type { Quote } from "@/lib/pricing/quote";
import { SHIPPING_METHODS } from "@/lib/pricing/shipping-methods";
import { Price } from "@/components/price";
import { TaxRow } from "@/components/tax-row";

interface OrderSummaryProps {
  quote: Quote;
  title?: string;
  children?: React.ReactNode;
}

export function OrderSummary({ quote, title = "Order summary", children }: OrderSummaryProps) {
  const method = SHIPPING_METHODS[quote.shippingMethod];
  const taxRow = (
    <TaxRow
      taxMode={quote.taxMode}
      tax={quote.tax}
      rateBasisPoints={quote.taxRateBasisPoints}
      final={quote.taxIsFinal}
      testId="summary-tax"
    />
  );
  return (
    <section className="summary" aria-labelledby="summary-title" data-testid="order-summary">
      <h2 id="summary-title">{title}</h2>
      <dl className="summary__amounts">
        <dt>Subtotal</dt>
        <dd data-testid="summary-subtotal">
          <Price value={quote.subtotal} />
        </dd>
        <dt>{method.label}</dt>
        <dd data-testid="summary-shipping">
          {quote.shipping.amount === 0 && quote.subtotal.amount > 0 ? (
            "Free"
          ) : (
            <Price value={quote.shipping} />
          )}
        </dd>
        {!quote.taxIncluded && taxRow}
        <dt className="summary__total">Total</dt>
        <dd className="summary__total" data-testid="summary-total">
          <Price value={quote.total} />
        </dd>
        {quote.taxIncluded && taxRow}
      </dl>
      {!quote.taxIsFinal && (
        <p className="summary__note">
          {quote.taxIncluded
            ? "The tax part is estimated until Amazon Pay shares your shipping address."
            : "Tax is estimated until Amazon Pay shares your shipping address."}
        </p>
      )}
      {children}
    </section>
  );
}
