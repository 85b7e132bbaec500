// A digest of exactly what the review page showed (lines, quantities, unit prices, totals,
// shipping method). "Place order" recomputes it from the database; a mismatch means the cart or
// a price changed after the buyer looked, so the order is not placed without a new review.
import { createHash } from "node:crypto";
import type { CartView } from "@/lib/cart/repository";

export function quoteFingerprint(cart: Pick<CartView, "lines" | "quote">): string {
  const material = JSON.stringify([
    cart.lines.map((line) => [
      line.productId,
      line.quantity,
      line.unitPrice.amount,
      line.unitPrice.currency,
      line.available,
    ]),
    cart.quote,
  ]);
  return createHash("sha256").update(material).digest("base64url").slice(0, 32);
}
