// Once an order is placed, the items it bought leave the cart, exactly once: quantities are
// subtracted (a line added after "Place order" in another tab survives), guarded by
// Order.cartClearedAt so a reload, a second tab or the reconciler cannot subtract twice.
import type { PrismaClient } from "@/lib/prisma/types";

export async function takeOrderedItemsOutOfCart(prisma: PrismaClient, orderId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: orderId, cartClearedAt: null, flow: "redirect" },
      data: { cartClearedAt: new Date() },
    });
    if (claimed.count === 0) return;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { cartId: true, lines: { select: { productId: true, quantity: true } } },
    });
    for (const line of order.lines) {
      await tx.cartLine.updateMany({
        where: { cartId: order.cartId, productId: line.productId },
        data: { quantity: { decrement: line.quantity } },
      });
    }
    await tx.cartLine.deleteMany({ where: { cartId: order.cartId, quantity: { lte: 0 } } });
  });
}
