// Once an order is placed, the items it bought leave the cart, exactly once: quantities are
// subtracted (a line added after "Place order" in another tab survives), guarded by
// Order.cartClearedAt so a reload, a second tab or the reconciler cannot subtract twice.
import type { Prisma, PrismaClient } from "@/lib/prisma/types";
import type { DraftOrder } from "@/lib/orders/draft-order";

type PlacedOrder = Pick<DraftOrder, "id" | "cartId">;

/** The same, inside the caller's transaction (the one that records the completion). */
export async function takeOrderedItemsOutOfCartIn(
  tx: Prisma.TransactionClient,
  order: PlacedOrder,
): Promise<void> {
  const claimed = await tx.order.updateMany({
    where: { id: order.id, cartClearedAt: null, flow: "redirect" },
    data: { cartClearedAt: new Date() },
  });
  if (claimed.count === 0) return;
  const lines = await tx.orderLine.findMany({
    where: { orderId: order.id },
    select: { productId: true, quantity: true },
  });
  for (const line of lines) {
    await tx.cartLine.updateMany({
      where: { cartId: order.cartId, productId: line.productId },
      data: { quantity: { decrement: line.quantity } },
    });
  }
  await tx.cartLine.deleteMany({ where: { cartId: order.cartId, quantity: { lte: 0 } } });
}

export async function takeOrderedItemsOutOfCart(prisma: PrismaClient, order: PlacedOrder): Promise<void> {
  await prisma.$transaction((tx) => takeOrderedItemsOutOfCartIn(tx, order));
}
