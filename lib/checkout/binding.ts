// Binds an Amazon Checkout Session to the cart that first presents it. From then on only that
// cart (that browser's cookie) can review, place or complete it.
import type { CheckoutSessionBinding, PrismaClient } from "@/lib/prisma/types";

export type CheckoutFlow = "redirect" | "buy-now" | "mobile";

export type BindResult = { ok: true; binding: CheckoutSessionBinding } | { ok: false; reason: "foreign" };

type Db = Pick<PrismaClient, "checkoutSessionBinding">;

/** Prisma's unique-constraint error (the same code from both providers' clients). */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2002";

export async function bindCheckoutSession(
  prisma: Db,
  sessionId: string,
  cartId: string,
  flow: CheckoutFlow,
  extra: Partial<Pick<CheckoutSessionBinding, "buyNowProductId" | "buyNowQuantity" | "shippingMethod">> = {},
): Promise<BindResult> {
  const existing = await prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId } });
  if (existing)
    return existing.cartId === cartId ? { ok: true, binding: existing } : { ok: false, reason: "foreign" };
  try {
    return {
      ok: true,
      binding: await prisma.checkoutSessionBinding.create({
        data: { id: sessionId, cartId, flow, ...extra },
      }),
    };
  } catch (error) {
    // Two requests raced to bind the same session: whoever lost reads the winner's binding.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.checkoutSessionBinding.findUniqueOrThrow({ where: { id: sessionId } });
    return winner.cartId === cartId ? { ok: true, binding: winner } : { ok: false, reason: "foreign" };
  }
}

export async function findBinding(
  prisma: Db,
  sessionId: string,
  cartId: string,
): Promise<CheckoutSessionBinding | null> {
  const binding = await prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId } });
  return binding && binding.cartId === cartId ? binding : null;
}
