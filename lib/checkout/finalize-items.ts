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

/** The shipping method an order records when nothing in it is shipped (PayOnly). */
export const NOT_SHIPPED = "none";

/**
 * Prices items from the database; null when a product is missing or inactive. `ships` is false
 * when no product needs shipping: then no shipping is charged, and a PayOnly checkout may buy them.
 */
export async function priceItems(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destinationState: string | null,
) {
  return priceItemsFor(items, shippingMethod, () => destinationState);
}

type TaxAddress = { countryCode?: string | null; stateOrRegion?: string | null } | null | undefined;

/**
 * Prices items for the addresses Amazon shared: taxed for the shipping address, or when nothing
 * is shipped for the billing address (the buyer's, where a PayOnly checkout has no other).
 */
export async function priceItemsForAddresses(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  addresses: { shipping: TaxAddress; billing: TaxAddress },
) {
  return priceItemsFor(items, shippingMethod, (ships) =>
    taxStateOf((ships ? addresses.shipping : (addresses.billing ?? addresses.shipping)) ?? {}),
  );
}

async function priceItemsFor(
  items: readonly FinalizeItem[],
  shippingMethod: ShippingMethodId,
  destinationState: (ships: boolean) => string | null,
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
  const ships = products.some((product) => product.requiresShipping);
  const quote: Quote = priceOrder({
    currency: "USD",
    lines: present,
    shippingMethod,
    destinationState: destinationState(ships),
    ships,
  });
  return { lines: present, quote, ships };
}

/** The state whose sales tax applies: the address's, when it is in the United States. */
export const taxStateOf = (address: { countryCode?: string | null; stateOrRegion?: string | null }) =>
  address.countryCode?.toUpperCase() === "US" ? (address.stateOrRegion ?? null) : null;

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
