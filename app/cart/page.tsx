import type { Metadata } from "next";
import { getCurrentCart } from "@/lib/cart/server";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { CHECKOUT_NOTICES, isCheckoutNotice } from "@/lib/checkout/messages";
import { CartActivityProvider } from "@/components/cart/cart-activity";
import { CartLineItem } from "@/components/cart/cart-line-item";
import { OrderSummary } from "@/components/cart/order-summary";
import { Price } from "@/components/price";
import { AmazonPayButton } from "@/components/checkout/deferred-buttons";
import { CartCountFromServer } from "@/components/layout/cart-count";
import { amazonPayPrice } from "@/components/checkout/checkout-js";
import { ConversionNote } from "@/components/cart/conversion-note";
import { CurrencyChoiceForm } from "@/components/cart/currency-choice-form";
import { parseCurrencyChoice } from "@/lib/presentment/choice";
import { offersChoice } from "@/lib/presentment/offer";
import { currentCurrencyOffer } from "@/lib/presentment/server";

export const metadata: Metadata = { title: "Your cart" };

interface CartPageProps {
  searchParams: Promise<{ checkout?: string | string[]; "currency-refused"?: string | string[] }>;
}

export default async function CartPage({ searchParams }: CartPageProps) {
  const { checkout, "currency-refused": refusedCurrency } = await searchParams;
  const notice = isCheckoutNotice(checkout) ? CHECKOUT_NOTICES[checkout] : null;
  const cart = await getCurrentCart();
  const offer = currentCurrencyOffer();
  const refusal =
    typeof refusedCurrency === "string" ? parseCurrencyChoice({ currency: refusedCurrency }, offer) : null;
  const noticeBlock = notice && (
    <p
      className={`notice ${checkout === "session-canceled" ? "notice--info" : "notice--error"}`}
      role="alert"
      data-testid="checkout-notice"
    >
      {notice}
    </p>
  );
  const countBlock = <CartCountFromServer count={cart?.itemCount ?? 0} />;
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        {countBlock}
        <h1>Your cart</h1>
        {noticeBlock}
        <div className="empty-state" data-testid="cart-empty">
          <p>Your cart is empty.</p>
          <a href="/" className="button">
            Browse the shop
          </a>
        </div>
      </>
    );
  }
  const button = cart.checkoutReady ? checkoutButtonProps(cart.currency) : null;
  return (
    <>
      {countBlock}
      <h1>Your cart</h1>
      {noticeBlock}
      {refusal && !refusal.ok && (
        <p className="notice notice--error" role="alert" data-testid="currency-notice">
          {refusal.error}
        </p>
      )}
      <div className="cart-layout">
        <CartActivityProvider
          summary={
            <OrderSummary quote={cart.quote}>
              {offersChoice(offer) && (
                <CurrencyChoiceForm currencies={offer.currencies} selected={cart.currency} />
              )}
              <ConversionNote ledger={cart.ledger} />
              {button ? (
                <>
                  <p className="summary__note">
                    Check out with the address and payment method saved in your Amazon account.
                  </p>
                  <AmazonPayButton
                    {...button}
                    placement="Cart"
                    estimatedOrderAmount={amazonPayPrice(cart.quote.total)}
                  />
                </>
              ) : (
                <p className="summary__note">Remove the items that are no longer available to check out.</p>
              )}
            </OrderSummary>
          }
        >
          <section aria-labelledby="cart-items-title">
            <h2 id="cart-items-title" className="visually-hidden">
              Items
            </h2>
            <ul className="cart-lines">
              {cart.lines.map((line) => (
                <CartLineItem
                  key={line.slug}
                  line={line}
                  lineTotal={<Price value={line.lineTotal} />}
                  unitPrice={<Price value={line.unitPrice} />}
                />
              ))}
            </ul>
          </section>
        </CartActivityProvider>
      </div>
    </>
  );
}
