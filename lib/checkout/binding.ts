// Binds an Amazon Checkout Session to the cart that first presents it. From then on only that
// cart (that browser's cookie) can review, place or complete it.
import { ofCart, type CartKey } from "@/lib/cart/repository";
import { isUniqueViolation } from "@/lib/prisma/errors";
import type { CheckoutSessionBinding, PrismaClient } from "@/lib/prisma/types";

export type CheckoutFlow = "redirect" | "buy-now" | "mobile";

/** The columns checkout reads from a binding (never its timestamps). */
const BINDING_COLUMNS = {
  id: true,
  cartId: true,
  flow: true,
  shippingMethod: true,
  shipCountry: true,
  shipState: true,
  buyNowProductId: true,
  buyNowQuantity: true,
} as const;

export type Binding = Pick<CheckoutSessionBinding, keyof typeof BINDING_COLUMNS>;

export type BindResult = { ok: true; binding: Binding } | { ok: false; reason: "foreign" };

type BindingExtra = Partial<
  Pick<Binding, "buyNowProductId" | "buyNowQuantity" | "shippingMethod" | "shipCountry" | "shipState">
>;

type Db = Pick<PrismaClient, "checkoutSessionBinding">;

/** The binding of a session, whichever cart it belongs to, or null. */
export const readBinding = (prisma: Db, sessionId: string): Promise<Binding | null> =>
  prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId }, select: BINDING_COLUMNS });

const ownedBy = (binding: Binding, cartId: string): BindResult =>
  binding.cartId === cartId ? { ok: true, binding } : { ok: false, reason: "foreign" };

/**
 * Binds a session that had no binding when the caller read it. Two requests may race to bind
 * the same session: whoever lost reads the winner's binding.
 */
export async function createBinding(
  prisma: Db,
  sessionId: string,
  cartId: string,
  flow: CheckoutFlow,
  extra: BindingExtra = {},
): Promise<BindResult> {
  try {
    return {
      ok: true,
      binding: await prisma.checkoutSessionBinding.create({
        data: { id: sessionId, cartId, flow, ...extra },
        select: BINDING_COLUMNS,
      }),
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await readBinding(prisma, sessionId);
    if (!winner) throw error;
    return ownedBy(winner, cartId);
  }
}

export async function bindCheckoutSession(
  prisma: Db,
  sessionId: string,
  cartId: string,
  flow: CheckoutFlow,
  extra: BindingExtra = {},
): Promise<BindResult> {
  const existing = await readBinding(prisma, sessionId);
  return existing ? ownedBy(existing, cartId) : createBinding(prisma, sessionId, cartId, flow, extra);
}

/** The binding of a session to the cart `cart` names (by id or by token: one statement), or null. */
export const findBinding = (prisma: Db, sessionId: string, cart: CartKey): Promise<Binding | null> =>
  prisma.checkoutSessionBinding.findUnique({
    where: { id: sessionId, ...ofCart(cart) },
    select: BINDING_COLUMNS,
  });
