// Seeds the catalog (idempotent: upsert by slug, prices by product and currency). Run with
// `npm run db:seed`; `npm run dev`, `npm start` and the e2e setup call it through
// scripts/db/prepare.ts.
import { CATALOG } from "@/prisma/catalog";
import type { PrismaClient } from "@/lib/prisma/types";

export async function seedCatalog(prisma: PrismaClient): Promise<number> {
  for (const [index, { prices, ...product }] of CATALOG.entries()) {
    const data = { ...product, imagePath: `/products/${product.slug}.svg`, sortOrder: index, active: true };
    const { id } = await prisma.product.upsert({
      where: { slug: product.slug },
      create: data,
      update: data,
      select: { id: true },
    });
    for (const [currency, amountMinor] of Object.entries(prices)) {
      await prisma.productPrice.upsert({
        where: { productId_currency: { productId: id, currency } },
        create: { productId: id, currency, amountMinor },
        update: { amountMinor },
      });
    }
  }
  return CATALOG.length;
}
