// The items a Finalize pays for: priced from the database (never from the browser or the app),
// and compared with the lines an order already froze.
import { db } from "@/lib/db";
import { money, multiply } from "@/lib/money";
import type { OrderLine } from "@/lib/prisma/types";
import { priceOrder, type Quote } from "@/lib/pricing/quote";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";

export interface FinalizeItem {
  productId: string;
  quantity: number;
}

/** Prices items from the database; null when a product is missing or inactive. */
export async function priceItems(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destinationState: string | null,
) {
  const products = await db().product.findMany({
    where: { id: { in: items.map((i) => i.productId) }, active: true },
  });
  const lines = items.map((item) => {
    const product = products.find((p) => p.id === item.productId);
    if (!product || product.currency !== "USD") return null;
    const unitPrice = money(product.priceMinor, "USD");
    return {
      productId: product.id,
      name: product.name,
      slug: product.slug,
      unitPrice,
      quantity: item.quantity,
      lineTotal: multiply(unitPrice, item.quantity),
    };
  });
  if (lines.some((line) => line === null) || lines.length === 0) return null;
  const present = lines.filter((line): line is NonNullable<typeof line> => line !== null);
  const quote: Quote = priceOrder({ currency: "USD", lines: present, shippingMethod, destinationState });
  return { lines: present, quote };
}

/** True when the order froze exactly these items (product and quantity) and shipping method. */
export function sameItems(
  order: { shippingMethod: string; lines: readonly Pick<OrderLine, "productId" | "quantity">[] },
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
): boolean {
  const key = (line: FinalizeItem) => `${line.productId}×${line.quantity}`;
  const frozen = order.lines.map(key).sort();
  const asked = items.map(key).sort();
  return (
    order.shippingMethod === shippingMethod &&
    frozen.length === asked.length &&
    frozen.every((line, index) => line === asked[index])
  );
}
