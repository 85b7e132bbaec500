// A digest of exactly what the review page showed (lines, quantities, unit prices, totals,
// shipping method, the currency and rate the buyer pays with). "Place order" recomputes it from
// the database; a mismatch means the cart, a price, the currency or a rate changed after the
// buyer looked, so the order is not placed without a new review.
import { createHash } from "node:crypto";
import type { PresentedCart } from "@/lib/cart/presentment";
import type { CartView } from "@/lib/cart/repository";

export function quoteFingerprint(
  cart: Pick<CartView, "lines" | "quote"> & Partial<Pick<PresentedCart, "ledger">>,
): string {
  const material = JSON.stringify([
    cart.lines.map((line) => [
      line.productId,
      line.quantity,
      line.unitPrice.amount,
      line.unitPrice.currency,
      line.available,
    ]),
    cart.quote,
    cart.ledger ? [cart.ledger.rate.from, cart.ledger.rate.to, cart.ledger.rate.text] : null,
  ]);
  return createHash("sha256").update(material).digest("base64url").slice(0, 32);
}
