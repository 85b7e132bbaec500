import { z } from "zod";
import { isCurrency, money, type Money } from "@/lib/money";

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

export function toProductView(row: {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  imagePath: string;
  requiresShipping: boolean;
}): ProductView {
  if (!isCurrency(row.currency))
    throw new Error(`product ${row.slug} has unsupported currency ${row.currency}`);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: money(row.priceMinor, row.currency),
    imagePath: row.imagePath,
    requiresShipping: row.requiresShipping,
  };
}
