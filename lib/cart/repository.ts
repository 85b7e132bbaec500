// Cart persistence and rules on a Prisma client passed in (so tests run it against a real
// database). Prices always come from the product rows, never from the browser.
import type { Market } from "@/lib/market/markets";
import { money, multiply, zero, type Currency, type Money } from "@/lib/money";
import { isRecordNotFound } from "@/lib/prisma/errors";
import type { PrismaClient } from "@/lib/prisma/types";
import { MAX_QUANTITY_PER_LINE, priceOrder, type Quote } from "@/lib/pricing/quote";
import { DEFAULT_SHIPPING_METHOD, type ShippingMethodId } from "@/lib/pricing/shipping-methods";
import type { TaxDestination } from "@/lib/pricing/tax";
import { hashCartToken, newCartToken } from "./token";

export type CartErrorCode = "unknown-product" | "quantity-limit" | "line-not-found" | "cart-not-found";

export class CartError extends Error {
  override name = "CartError";
  constructor(
    readonly code: CartErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface CartLineView {
  productId: string;
  slug: string;
  name: string;
  imagePath: string;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
  /** False when the product is no longer sold, or not sold in the cart's currency (then priced 0). */
  available: boolean;
}

export interface CartView {
  id: string;
  currency: Currency;
  lines: CartLineView[];
  itemCount: number;
  quote: Quote;
  /** False when a line's product is no longer sold; checkout waits until it is removed. */
  checkoutReady: boolean;
}

type Db = Pick<PrismaClient, "cart" | "cartLine" | "product" | "$transaction">;
type Queries = Pick<PrismaClient, "cart" | "cartLine" | "product">;

export async function findCartIdByToken(prisma: Queries, token: string): Promise<string | null> {
  const cart = await prisma.cart.findUnique({
    where: { tokenHash: hashCartToken(token) },
    select: { id: true },
  });
  return cart?.id ?? null;
}

export async function createCart(prisma: Queries): Promise<{ cartId: string; token: string }> {
  const token = newCartToken();
  const cart = await prisma.cart.create({ data: { tokenHash: hashCartToken(token) }, select: { id: true } });
  return { cartId: cart.id, token };
}

async function activeProduct(prisma: Queries, slug: string) {
  const product = await prisma.product.findFirst({
    where: { slug, active: true },
    select: { id: true, name: true },
  });
  if (!product) throw new CartError("unknown-product", "That product is not available.");
  return product;
}

function quantityLimitMessage(name: string, current: number): string {
  return current > 0
    ? `Your cart already has ${current} × ${name}; the limit is ${MAX_QUANTITY_PER_LINE} per item.`
    : `You can buy at most ${MAX_QUANTITY_PER_LINE} of one item.`;
}

/**
 * A new cart holding its first line, in one transaction: a product that is not sold leaves no
 * cart behind (the nested connect finds no active product and everything rolls back).
 */
export async function createCartWithLine(
  prisma: Queries,
  slug: string,
  quantity: number,
): Promise<{ cartId: string; token: string }> {
  if (quantity > MAX_QUANTITY_PER_LINE) throw new CartError("quantity-limit", quantityLimitMessage("", 0));
  const token = newCartToken();
  try {
    const cart = await prisma.cart.create({
      data: {
        tokenHash: hashCartToken(token),
        lines: { create: { quantity, product: { connect: { slug, active: true } } } },
      },
      select: { id: true },
    });
    return { cartId: cart.id, token };
  } catch (error) {
    if (isRecordNotFound(error)) throw new CartError("unknown-product", "That product is not available.");
    throw error;
  }
}

/**
 * Adds `quantity` of a product; the line may hold at most 99. The increment is a single atomic
 * upsert (INSERT ... ON CONFLICT DO UPDATE quantity = quantity + n), so concurrent adds never
 * lose each other; a result over the limit rolls the transaction back.
 */
export async function addToCart(prisma: Db, cartId: string, slug: string, quantity: number): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const product = await activeProduct(tx, slug);
    const line = await tx.cartLine.upsert({
      where: { cartId_productId: { cartId, productId: product.id } },
      create: { cartId, productId: product.id, quantity },
      update: { quantity: { increment: quantity } },
      select: { quantity: true },
    });
    if (line.quantity > MAX_QUANTITY_PER_LINE) {
      throw new CartError("quantity-limit", quantityLimitMessage(product.name, line.quantity - quantity));
    }
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
    return line.quantity;
  });
}

export async function setCartLineQuantity(
  prisma: Db,
  cartId: string,
  slug: string,
  quantity: number,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { slug }, select: { id: true } });
    const updated = product
      ? await tx.cartLine.updateMany({ where: { cartId, productId: product.id }, data: { quantity } })
      : { count: 0 };
    if (updated.count === 0) throw new CartError("line-not-found", "That item is no longer in your cart.");
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
  });
}

export async function removeCartLine(prisma: Db, cartId: string, slug: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { slug }, select: { id: true } });
    if (product) await tx.cartLine.deleteMany({ where: { cartId, productId: product.id } });
    await tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() }, select: { id: true } });
  });
}

export async function clearCart(prisma: Pick<PrismaClient, "cartLine">, cartId: string): Promise<void> {
  await prisma.cartLine.deleteMany({ where: { cartId } });
}

export async function countCartItems(prisma: Queries, cartId: string): Promise<number> {
  const result = await prisma.cartLine.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

export interface CartPricing {
  market: Pick<Market, "ledgerCurrency" | "taxMode" | "deliveryCountries">;
  shippingMethod?: ShippingMethodId;
  destination?: TaxDestination | null;
}

/**
 * The cart priced in the market's ledger currency, from the products' prices in it. Reads only
 * the lines (the caller already knows the cart exists); a cart deleted meanwhile reads as empty.
 */
export async function loadCart(prisma: Queries, cartId: string, pricing: CartPricing): Promise<CartView> {
  const currency = pricing.market.ledgerCurrency;
  const rows = await prisma.cartLine.findMany({
    where: { cartId },
    orderBy: { createdAt: "asc" },
    select: {
      productId: true,
      quantity: true,
      product: {
        select: {
          slug: true,
          name: true,
          imagePath: true,
          active: true,
          prices: { where: { currency }, select: { amountMinor: true } },
        },
      },
    },
  });
  const lines: CartLineView[] = rows.map((line) => {
    const price = line.product.prices[0];
    const unitPrice = price ? money(price.amountMinor, currency) : zero(currency);
    return {
      productId: line.productId,
      slug: line.product.slug,
      name: line.product.name,
      imagePath: line.product.imagePath,
      unitPrice,
      quantity: line.quantity,
      lineTotal: multiply(unitPrice, line.quantity),
      available: line.product.active && price !== undefined,
    };
  });
  const priced = lines.filter((line) => line.available);
  const quote = priceOrder({
    market: pricing.market,
    currency,
    lines: priced.map((line) => ({ unitPrice: line.unitPrice, quantity: line.quantity })),
    shippingMethod: pricing.shippingMethod ?? DEFAULT_SHIPPING_METHOD,
    destination: pricing.destination,
  });
  return {
    id: cartId,
    currency,
    lines,
    itemCount: lines.reduce((count, line) => count + line.quantity, 0),
    quote,
    checkoutReady: priced.length > 0 && priced.length === lines.length,
  };
}
