// Creates a Draft order (as "Place order" would) for tests of what happens after.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/prisma/types";
import { createCart } from "@/lib/cart/repository";

export async function createDraftOrder(
  prisma: PrismaClient,
  options: {
    intent?: "AuthorizeWithCapture" | "Authorize" | "Confirm";
    totalMinor?: number;
    checkoutSessionId?: string;
  } = {},
) {
  const { cartId } = await createCart(prisma);
  const product = await prisma.product.findFirstOrThrow({ where: { slug: "harbor-ceramic-mug" } });
  const totalMinor = options.totalMinor ?? 5000;
  return prisma.order.create({
    data: {
      orderNumber: `T-${randomUUID().slice(0, 8).toUpperCase()}`,
      cartId,
      checkoutSessionId: options.checkoutSessionId ?? randomUUID(),
      flow: "redirect",
      status: "Draft",
      paymentIntent: options.intent ?? "AuthorizeWithCapture",
      currency: "USD",
      subtotalMinor: totalMinor,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor,
      shippingMethod: "standard",
      lines: {
        create: [
          {
            productId: product.id,
            name: product.name,
            unitPriceMinor: totalMinor,
            quantity: 1,
            lineTotalMinor: totalMinor,
          },
        ],
      },
    },
  });
}
