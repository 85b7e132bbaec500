import "server-only";
// What the result page may show. The cart cookie decides only that: the browser whose cart
// placed the order sees its order; any other browser (the buyer back on another device, or with
// the cookie gone) sees a neutral "being confirmed" page with no order details. Both complete the
// checkout, because the amount is frozen on the server.
import { currentCartId } from "@/lib/cart/server";
import { db } from "@/lib/db";

export type ResultPageView = "buyer" | "neutral";

export async function resultPageView(sessionId: string): Promise<ResultPageView> {
  const order = await db().order.findUnique({
    where: { checkoutSessionId: sessionId },
    select: { cartId: true, flow: true },
  });
  // No order (an unknown session): the buyer's path says so with the usual notice.
  if (!order || order.flow !== "redirect") return "buyer";
  return order.cartId === (await currentCartId()) ? "buyer" : "neutral";
}
