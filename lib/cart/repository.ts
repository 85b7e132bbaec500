// Cart persistence and rules on a Prisma client passed in (so tests run it against a real
// database). Prices always come from the product rows, never from the browser.
import type { Market } from "@/lib/market/markets";
import { money, multiply, zero, type Currency, type Money } from "@/lib/money";
import { isRecordNotFound, unlessNotMatched } from "@/lib/prisma/errors";
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

/** A cart named by its id, or by the token its browser's cookie holds. */
export type CartKey = { id: string } | { token: string };

/**
 * The filter that picks the rows of the cart `key` names from a table with a `cart` relation.
 * By token it joins Cart in the same statement, so no request needs a separate look-up of its
 * cart id first.
 */
export const ofCart = (key: CartKey): { cartId: string } | { cart: { tokenHash: string } } =>
  "id" in key ? { cartId: key.id } : { cart: { tokenHash: hashCartToken(key.token) } };

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
 * cart behind (the nested connect finds no active product and everything rolls back). One nested
 * create costs the shop less CPU than a product read and two INSERTs, though it sends one more
 * statement (it reads the cart back): Prisma compiles each query, not each statement.
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
 * Marks the cart changed now and answers its id, or null when no cart has the key: one UPDATE,
 * which by token also finds the cart.
 */
async function touchCart(tx: Queries, key: CartKey): Promise<string | null> {
  const cart = await unlessNotMatched(
    tx.cart.update({
      where: "id" in key ? { id: key.id } : { tokenHash: hashCartToken(key.token) },
      data: { updatedAt: new Date() },
      select: { id: true },
    }),
  );
  return cart?.id ?? null;
}

const asKey = (cart: string | CartKey): CartKey => (typeof cart === "string" ? { id: cart } : cart);
const cartNotFound = () => new CartError("cart-not-found", "Your cart is empty.");

/**
 * Adds `quantity` of a product; the line may hold at most 99. The increment is a single atomic
 * upsert (INSERT ... ON CONFLICT DO UPDATE quantity = quantity + n), so concurrent adds never
 * lose each other; a result over the limit rolls the transaction back. Null when no cart has the
 * key.
 */
async function addToCartOf(prisma: Db, key: CartKey, slug: string, quantity: number): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const cartId = await touchCart(tx, key);
    if (!cartId) return null;
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
    return line.quantity;
  });
}

/** Adds to the cart with this id; returns the line's new quantity. */
export async function addToCart(prisma: Db, cartId: string, slug: string, quantity: number): Promise<number> {
  const added = await addToCartOf(prisma, { id: cartId }, slug, quantity);
  if (added === null) throw cartNotFound();
  return added;
}

/** Adds to the cart of this cookie token; null when no cart has it (the caller starts one). */
export const addToCartOfToken = (prisma: Db, token: string, slug: string, quantity: number) =>
  addToCartOf(prisma, { token }, slug, quantity);

export async function setCartLineQuantity(
  prisma: Db,
  cart: string | CartKey,
  slug: string,
  quantity: number,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const cartId = await touchCart(tx, asKey(cart));
    if (!cartId) throw cartNotFound();
    const product = await tx.product.findUnique({ where: { slug }, select: { id: true } });
    const updated = product
      ? await tx.cartLine.updateMany({ where: { cartId, productId: product.id }, data: { quantity } })
      : { count: 0 };
    if (updated.count === 0) throw new CartError("line-not-found", "That item is no longer in your cart.");
  });
}

export async function removeCartLine(prisma: Db, cart: string | CartKey, slug: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const cartId = await touchCart(tx, asKey(cart));
    if (!cartId) throw cartNotFound();
    const product = await tx.product.findUnique({ where: { slug }, select: { id: true } });
    if (product) await tx.cartLine.deleteMany({ where: { cartId, productId: product.id } });
  });
}

export async function clearCart(prisma: Pick<PrismaClient, "cartLine">, cartId: string): Promise<void> {
  await prisma.cartLine.deleteMany({ where: { cartId } });
}

/** Items in the cart with this id, or in the cart `key` names. */
export async function countCartItems(prisma: Queries, cart: string | CartKey): Promise<number> {
  const result = await prisma.cartLine.aggregate({ where: ofCart(asKey(cart)), _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

export interface CartPricing {
  market: Pick<Market, "ledgerCurrency" | "taxMode" | "deliveryCountries">;
  shippingMethod?: ShippingMethodId;
  destination?: TaxDestination | null;
}

/** A cart line as read, with its product and the product's price in one currency. */
export interface CartLineRow {
  cartId: string;
  productId: string;
  quantity: number;
  product: {
    slug: string;
    name: string;
    imagePath: string;
    active: boolean;
    prices: { amountMinor: number }[];
  };
}

/**
 * The lines of the cart `key` names, oldest first, with their products and prices in `currency`.
 * By token the rows name their cart's id (none when the cart is empty or unknown).
 */
export function readCartLines(prisma: Queries, key: CartKey, currency: Currency): Promise<CartLineRow[]> {
  return prisma.cartLine.findMany({
    where: ofCart(key),
    orderBy: { createdAt: "asc" },
    select: {
      cartId: true,
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
}

/** The lines read by readCartLines, priced in the market's ledger currency. */
export function priceCart(cartId: string, rows: CartLineRow[], pricing: CartPricing): CartView {
  const currency = pricing.market.ledgerCurrency;
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

/**
 * The cart priced in the market's ledger currency, from the products' prices in it. Reads only
 * the lines (the caller already knows the cart exists); a cart deleted meanwhile reads as empty.
 */
export async function loadCart(prisma: Queries, cartId: string, pricing: CartPricing): Promise<CartView> {
  return priceCart(
    cartId,
    await readCartLines(prisma, { id: cartId }, pricing.market.ledgerCurrency),
    pricing,
  );
}
