// Seeds the catalog (idempotent: upsert by slug). Run with `npm run db:seed`; `npm run dev`,
// `npm start` and the e2e setup call it through scripts/db/prepare.ts.
import { CATALOG } from "@/prisma/catalog";
import type { PrismaClient } from "@/lib/prisma/types";

export async function seedCatalog(prisma: PrismaClient): Promise<number> {
  for (const [index, product] of CATALOG.entries()) {
    const data = { ...product, imagePath: `/products/${product.slug}.svg`, sortOrder: index, active: true };
    await prisma.product.upsert({ where: { slug: product.slug }, create: data, update: data });
  }
  return CATALOG.length;
}
