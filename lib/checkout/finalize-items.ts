// The items a Finalize pays for: priced from the database (never from the browser or the app),
// and compared with the lines an order already froze.
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import { money, multiply } from "@/lib/money";
import type { OrderLine } from "@/lib/prisma/types";
import { priceOrder, type Quote } from "@/lib/pricing/quote";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import type { TaxDestination } from "@/lib/pricing/tax";

export interface FinalizeItem {
  productId: string;
  quantity: number;
}

/** The shipping method an order records when nothing in it is shipped (PayOnly). */
export const NOT_SHIPPED = "none";

/**
 * Prices items from the database in the shop's market; null when a product is missing, inactive
 * or not sold in the market's currency. `ships` is false when no product needs shipping: then no
 * shipping is charged, and a PayOnly checkout may buy them.
 */
export async function priceItems(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destination: TaxDestination | null,
) {
  return priceItemsFor(items, shippingMethod, () => destination);
}

/**
 * Prices items for the addresses Amazon shared: taxed for the shipping address, or when nothing
 * is shipped for the billing address (the buyer's, where a PayOnly checkout has no other).
 */
export async function priceItemsForAddresses(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  addresses: { shipping: TaxDestination | null | undefined; billing: TaxDestination | null | undefined },
) {
  return priceItemsFor(
    items,
    shippingMethod,
    (ships) => (ships ? addresses.shipping : (addresses.billing ?? addresses.shipping)) ?? null,
  );
}

async function priceItemsFor(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destination: (ships: boolean) => TaxDestination | null,
) {
  const market = currentMarket();
  const currency = market.ledgerCurrency;
  const products = await db().product.findMany({
    where: { id: { in: items.map((i) => i.productId) }, active: true },
    include: { prices: { where: { currency } } },
  });
  const lines = items.map((item) => {
    const product = products.find((p) => p.id === item.productId);
    const price = product?.prices[0];
    if (!product || !price) return null;
    const unitPrice = money(price.amountMinor, currency);
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
  const ships = products.some((product) => product.requiresShipping);
  const quote: Quote = priceOrder({
    market,
    currency,
    lines: present,
    shippingMethod,
    destination: destination(ships),
    ships,
  });
  return { lines: present, quote, ships };
}

/** True when the order froze exactly these items (product and quantity) and shipping method, if any. */
export function sameItems(
  order: { shippingMethod: string; lines: readonly Pick<OrderLine, "productId" | "quantity">[] },
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
): boolean {
  const key = (line: FinalizeItem) => `${line.productId}×${line.quantity}`;
  const frozen = order.lines.map(key).sort();
  const asked = items.map(key).sort();
  return (
    (order.shippingMethod === NOT_SHIPPED || order.shippingMethod === shippingMethod) &&
    frozen.length === asked.length &&
    frozen.every((line, index) => line === asked[index])
  );
}
