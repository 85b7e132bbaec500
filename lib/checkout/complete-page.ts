import "server-only";
// What the result page may show. The cart cookie decides only that: the browser whose cart
// placed the order sees its order; any other browser (the buyer back on another device, or with
// the cookie gone) sees a neutral "being confirmed" page with no order details. Both complete the
// checkout, because the amount is frozen on the server.
import { ofCart } from "@/lib/cart/repository";
import { currentCartKey } from "@/lib/cart/server";
import { db } from "@/lib/db";

export type ResultPageView = "buyer" | "neutral";

export async function resultPageView(sessionId: string): Promise<ResultPageView> {
  // Neutral only for a redirect order that another cart (or no cart) placed; no order at all (an
  // unknown session) is the buyer's path, which says so with the usual notice. One statement: the
  // cart is matched by its token in the same query.
  const cart = await currentCartKey();
  const othersOrder = await db().order.findFirst({
    where: { checkoutSessionId: sessionId, flow: "redirect", ...(cart ? { NOT: ofCart(cart) } : {}) },
    select: { id: true },
  });
  return othersOrder ? "neutral" : "buyer";
}
