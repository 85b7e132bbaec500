import { z } from "zod";
import { money, type Currency, type Money } from "@/lib/money";

export const productSlugSchema = z
  .string({ error: "Choose a product." })
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "That product does not exist." })
  .max(80, { error: "That product does not exist." });

/** What pages show of a product; plain data, safe to pass to client components. */
export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  price: Money;
  imagePath: string;
  /** False for what reaches the buyer without a parcel: Buy Now then asks Amazon for no address. */
  requiresShipping: boolean;
}

/** The product as sold in `currency`, or null when it has no price in that currency (not sold there). */
export function toProductView(
  row: {
    id: string;
    slug: string;
    name: string;
    description: string;
    prices: readonly { currency: string; amountMinor: number }[];
    imagePath: string;
    requiresShipping: boolean;
  },
  currency: Currency,
): ProductView | null {
  const price = row.prices.find((p) => p.currency === currency);
  if (!price) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: money(price.amountMinor, currency),
    imagePath: row.imagePath,
    requiresShipping: row.requiresShipping,
  };
}
