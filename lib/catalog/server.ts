import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { productSlugSchema, toProductView, type ProductView } from "./product";

// Catalog reads are display data and may be cached (tag "catalog", five minutes). Cart and
// checkout never use these: they read prices live from the database.
export const CATALOG_CACHE_TAG = "catalog";
const CATALOG_REVALIDATE_SECONDS = 300;

const listActiveProducts = unstable_cache(
  async (): Promise<ProductView[]> => {
    const rows = await db().product.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    });
    return rows.map(toProductView);
  },
  ["catalog:list"],
  { tags: [CATALOG_CACHE_TAG], revalidate: CATALOG_REVALIDATE_SECONDS },
);

const findActiveProduct = unstable_cache(
  async (slug: string): Promise<ProductView | null> => {
    const row = await db().product.findFirst({ where: { slug, active: true } });
    return row ? toProductView(row) : null;
  },
  ["catalog:product"],
  { tags: [CATALOG_CACHE_TAG], revalidate: CATALOG_REVALIDATE_SECONDS },
);

export function listProducts(): Promise<ProductView[]> {
  return listActiveProducts();
}

/** The product for a URL slug, or null for unknown or malformed slugs. */
export async function getProduct(slug: string): Promise<ProductView | null> {
  const parsed = productSlugSchema.safeParse(slug);
  return parsed.success ? findActiveProduct(parsed.data) : null;
}
