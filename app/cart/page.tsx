import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentCart } from "@/lib/cart/server";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { CHECKOUT_NOTICES, isCheckoutNotice } from "@/lib/checkout/messages";
import { CartActivityProvider } from "@/components/cart/cart-activity";
import { CartLineItem } from "@/components/cart/cart-line-item";
import { OrderSummary } from "@/components/cart/order-summary";
import { AmazonPayButton } from "@/components/checkout/amazon-pay-button";
import { CartCountFromServer } from "@/components/layout/cart-count";
import { amazonPayPrice } from "@/components/checkout/checkout-js";

export const metadata: Metadata = { title: "Your cart" };

interface CartPageProps {
  searchParams: Promise<{ checkout?: string | string[] }>;
}

export default async function CartPage({ searchParams }: CartPageProps) {
  const { checkout } = await searchParams;
  const notice = isCheckoutNotice(checkout) ? CHECKOUT_NOTICES[checkout] : null;
  const cart = await getCurrentCart();
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
          <Link href="/" className="button">
            Browse the shop
          </Link>
        </div>
      </>
    );
  }
  const button = cart.checkoutReady ? checkoutButtonProps() : null;
  return (
    <>
      {countBlock}
      <h1>Your cart</h1>
      {noticeBlock}
      <div className="cart-layout">
        <CartActivityProvider
          summary={
            <OrderSummary quote={cart.quote}>
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
                <CartLineItem key={line.slug} line={line} />
              ))}
            </ul>
          </section>
        </CartActivityProvider>
      </div>
    </>
  );
}
