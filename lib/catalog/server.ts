import "server-only";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import type { Currency } from "@/lib/money";
import { productSlugSchema, toProductView, type ProductView } from "./product";

// Catalog reads are display data: cached with the tag "catalog" for five minutes, and the pages
// that show them (home, product pages) carry the tag too, so `revalidateTag(CATALOG_CACHE_TAG,
// { expire: 0 })` wherever products are edited renders them again on their next request.
// Cart and checkout never use these: they read prices live from the database.
export const CATALOG_CACHE_TAG = "catalog";
const CATALOG_REVALIDATE_SECONDS = 300;

// `next build` prerenders the home page, but the server only ever serves pages it rendered
// itself, with its own database and settings (lib/catalog/page-cache-handler.mjs): the build
// needs no database, and gets an empty list.
const duringBuild = () => process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;

// A product is sold only in the currencies it has a price in: the others never see it.
const listActiveProducts = unstable_cache(
  async (currency: Currency): Promise<ProductView[]> => {
    const rows = await db().product.findMany({
      where: { active: true, prices: { some: { currency } } },
      include: { prices: { where: { currency } } },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    });
    return rows.flatMap((row) => toProductView(row, currency) ?? []);
  },
  ["catalog:list"],
  { tags: [CATALOG_CACHE_TAG], revalidate: CATALOG_REVALIDATE_SECONDS },
);

const findActiveProduct = unstable_cache(
  async (slug: string, currency: Currency): Promise<ProductView | null> => {
    const row = await db().product.findFirst({
      where: { slug, active: true },
      include: { prices: { where: { currency } } },
    });
    return row ? toProductView(row, currency) : null;
  },
  ["catalog:product"],
  { tags: [CATALOG_CACHE_TAG], revalidate: CATALOG_REVALIDATE_SECONDS },
);

/** The products the shop sells in its market's currency. */
export async function listProducts(): Promise<ProductView[]> {
  return duringBuild() ? [] : listActiveProducts(currentMarket().ledgerCurrency);
}

/** The product for a URL slug, or null for unknown or malformed slugs and products not sold in the market. */
export async function getProduct(slug: string): Promise<ProductView | null> {
  const parsed = productSlugSchema.safeParse(slug);
  return parsed.success ? findActiveProduct(parsed.data, currentMarket().ledgerCurrency) : null;
}
