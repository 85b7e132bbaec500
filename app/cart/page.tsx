import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentCart } from "@/lib/cart/server";
import { CartActivityProvider } from "@/components/cart/cart-activity";
import { CartLineItem } from "@/components/cart/cart-line-item";
import { OrderSummary } from "@/components/cart/order-summary";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const cart = await getCurrentCart();
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <div className="empty-state" data-testid="cart-empty">
          <p>Your cart is empty.</p>
          <Link href="/" className="button">
            Browse the shop
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Your cart</h1>
      <div className="cart-layout">
        <CartActivityProvider summary={<OrderSummary quote={cart.quote} />}>
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
