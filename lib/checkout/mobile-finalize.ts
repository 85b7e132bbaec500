import "server-only";
// Finalize for a mobile app ("EoC"): the app sends the Checkout Session id and the items;
// prices come from the database, never from the app. The session id itself identifies the
// buyer's checkout (the app got it from Amazon's SDK); an optional x-cart-token ties the order
// to an existing cart so the app can show it later.
import { z } from "zod";
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import { createCart, findCartIdByToken } from "@/lib/cart/repository";
import { isWellFormedCartToken } from "@/lib/cart/token";
import { productSlugSchema } from "@/lib/catalog/product";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/prisma/types";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing/quote";
import { DEFAULT_SHIPPING_METHOD, SHIPPING_METHOD_IDS } from "@/lib/pricing/shipping-methods";
import { bindCheckoutSession } from "./binding";
import { finalizeCheckout, type FinalizeRefusal } from "./finalize";
import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";
import { readCheckoutSession } from "./review";
import { checkoutSessionIdSchema } from "./session-id";

export const mobileFinalizeSchema = z.strictObject({
  checkoutSessionId: checkoutSessionIdSchema,
  items: z
    .array(
      z.strictObject({
        slug: productSlugSchema,
        quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
      }),
      { error: "items must be a list of { slug, quantity }" },
    )
    .min(1, { error: "items must not be empty" })
    .max(20, { error: "at most 20 items" })
    .refine((items) => new Set(items.map((i) => i.slug)).size === items.length, {
      error: "each product may appear once",
    }),
  shippingMethod: z.enum(SHIPPING_METHOD_IDS).default(DEFAULT_SHIPPING_METHOD),
});

const REFUSAL_STATUS: Record<FinalizeRefusal, number> = {
  "amazon-unavailable": 503,
  "session-unknown": 404,
  "order-claimed": 409,
  "session-closed": 422,
  unshippable: 422,
  "unavailable-product": 422,
  "over-limit": 422,
};

export interface MobileAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Binds the session to the app's cart (x-cart-token). Without a token the session id alone
 * identifies the checkout: the cart of whoever bound it first (a retry, or a request racing this
 * one), else a new cart. Null when the session belongs to another cart or to a web checkout.
 */
async function bindToCart(prisma: PrismaClient, sessionId: string, tokenCartId: string | null) {
  if (tokenCartId) {
    const bound = await bindCheckoutSession(prisma, sessionId, tokenCartId, "mobile");
    return bound.ok ? tokenCartId : null;
  }
  const bindingOf = () => prisma.checkoutSessionBinding.findUnique({ where: { id: sessionId } });
  const existing = await bindingOf();
  if (existing) return existing.flow === "mobile" ? existing.cartId : null;
  const { cartId } = await createCart(prisma);
  if ((await bindCheckoutSession(prisma, sessionId, cartId, "mobile")).ok) return cartId;
  await prisma.cart.delete({ where: { id: cartId } }); // ours lost the race and holds nothing
  const winner = await bindingOf();
  return winner?.flow === "mobile" ? winner.cartId : null;
}

export async function finalizeForMobile(body: unknown, cartToken: string | null): Promise<MobileAnswer> {
  const parsed = mobileFinalizeSchema.safeParse(body);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: "The request is not valid.",
        issues: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`),
      },
    };
  }
  const input = parsed.data;
  const prisma = db();
  const products = await prisma.product.findMany({
    where: { slug: { in: input.items.map((i) => i.slug) }, active: true },
  });
  const unknown = input.items
    .filter((item) => !products.some((p) => p.slug === item.slug))
    .map((item) => item.slug);
  if (unknown.length > 0)
    return { status: 422, body: { error: `Unknown or unavailable products: ${unknown.join(", ")}` } };

  let cartId: string | null = null;
  if (cartToken !== null) {
    if (!isWellFormedCartToken(cartToken) || !(cartId = await findCartIdByToken(prisma, cartToken))) {
      return { status: 401, body: { error: "The x-cart-token is not valid." } };
    }
  }
  const existing = await prisma.checkoutSessionBinding.findUnique({ where: { id: input.checkoutSessionId } });
  if (existing && existing.flow !== "mobile")
    return { status: 409, body: { error: "This checkout session belongs to a web checkout." } };
  if (existing && cartId && existing.cartId !== cartId)
    return { status: 409, body: { error: "This checkout session belongs to another cart." } };
  let session: CheckoutSession | undefined;
  if (!existing) {
    // Ask Amazon before creating a cart and a binding: an id it does not know leaves nothing behind.
    const read = await readCheckoutSession(input.checkoutSessionId);
    if (!read.ok) {
      return read.notice === "session-unknown"
        ? {
            status: 404,
            body: { error: "Amazon Pay does not know this checkout session.", code: "session-unknown" },
          }
        : {
            status: 503,
            body: {
              error: "Amazon Pay is not answering right now. Nothing was charged.",
              code: "amazon-unavailable",
            },
          };
    }
    session = read.session;
  }
  const boundCartId = await bindToCart(prisma, input.checkoutSessionId, cartId);
  if (!boundCartId) return { status: 409, body: { error: "This checkout session belongs to another cart." } };

  const result = await finalizeCheckout({
    sessionId: input.checkoutSessionId,
    cartId: boundCartId,
    flow: "mobile",
    items: input.items.map((item) => ({
      productId: products.find((p) => p.slug === item.slug)!.id,
      quantity: item.quantity,
    })),
    shippingMethod: input.shippingMethod,
    session,
  });
  switch (result.kind) {
    case "placed": {
      const order = await prisma.order.findUniqueOrThrow({
        where: { orderNumber: result.orderNumber },
        select: { status: true, totalMinor: true, currency: true },
      });
      return {
        status: 200,
        body: {
          orderNumber: result.orderNumber,
          status: order.status,
          total: { amountMinor: order.totalMinor, currency: order.currency },
        },
      };
    }
    case "unconfirmed":
      return {
        status: 202,
        body: {
          orderNumber: result.orderNumber,
          status: "Draft",
          message: "Amazon Pay has not confirmed the payment yet; the order will be updated shortly.",
        },
      };
    case "failed":
      return {
        status: 402,
        body: { orderNumber: result.orderNumber, status: "Failed", error: PAYMENT_FAILED_MESSAGE },
      };
    case "not-found":
      return { status: 409, body: { error: "This checkout session belongs to another cart." } };
    case "refused":
      return { status: REFUSAL_STATUS[result.code], body: { error: result.message, code: result.code } };
  }
}
