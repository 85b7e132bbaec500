import "server-only";
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import { currentExchangeRate } from "@/lib/presentment/server";
import { readCartToken, writeCartToken } from "./cookie";
import { presentCart, type PresentedCart } from "./presentment";
import type { Currency } from "@/lib/money";
import {
  countCartItems,
  createCart,
  findCartIdByToken,
  priceCart,
  readCartLines,
  type CartLineRow,
} from "./repository";

/** The id of this browser's cart, or null when it has none (no cookie, unknown token). */
export async function currentCartId(): Promise<string | null> {
  const token = await readCartToken();
  return token ? findCartIdByToken(db(), token) : null;
}

/**
 * This browser's cart as a key for queries that filter by it (ofCart), or null without a cart
 * cookie. It costs no statement: whether a cart has the token is found out by those queries.
 */
export async function currentCartKey(): Promise<{ token: string } | null> {
  const token = await readCartToken();
  return token ? { token } : null;
}

/**
 * This browser's cart id with its lines (lines, products, prices in `currency`), or null when it
 * has no cart. The lines name the cart, so only an empty cart costs a look-up of its id.
 */
export async function currentCartLines(
  currency: Currency,
): Promise<{ cartId: string; lines: CartLineRow[] } | null> {
  const token = await readCartToken();
  if (!token) return null;
  const lines = await readCartLines(db(), { token }, currency);
  const cartId = lines[0]?.cartId ?? (await findCartIdByToken(db(), token));
  return cartId ? { cartId, lines } : null;
}

/** This browser's cart, priced in the shop's market, in the currency it pays in (its choice; the ledger currency by default). */
export async function getCurrentCart(
  options: { shippingMethod?: ShippingMethodId } = {},
): Promise<PresentedCart | null> {
  const market = currentMarket();
  const current = await currentCartLines(market.ledgerCurrency);
  if (!current) return null;
  const cart = priceCart(current.cartId, current.lines, { market, ...options });
  return presentCart(cart, await currentExchangeRate());
}

/** The header's count: one statement, the cart matched by its token in the same query. */
export async function getCartItemCount(): Promise<number> {
  const cart = await currentCartKey();
  return cart ? countCartItems(db(), cart) : 0;
}

/**
 * This browser's cart id, creating an empty cart (and its cookie) when there is none. Only for
 * purchase actions that need an owner for the order (Buy Now); browsing never creates a cart.
 * Server actions only: it may set a cookie.
 */
export async function currentOrNewCartId(): Promise<string> {
  const existing = await currentCartId();
  if (existing) return existing;
  const { cartId, token } = await createCart(db());
  await writeCartToken(token);
  return cartId;
}
