import "server-only";
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import { currentExchangeRate } from "@/lib/presentment/server";
import { readCartToken, writeCartToken } from "./cookie";
import { presentCart, type PresentedCart } from "./presentment";
import { countCartItems, createCart, findCartIdByToken, loadCart } from "./repository";

/** The id of this browser's cart, or null when it has none (no cookie, unknown token). */
export async function currentCartId(): Promise<string | null> {
  const token = await readCartToken();
  return token ? findCartIdByToken(db(), token) : null;
}

/** This browser's cart, priced in the shop's market, in the currency it pays in (its choice; the ledger currency by default). */
export async function getCurrentCart(
  options: { shippingMethod?: ShippingMethodId } = {},
): Promise<PresentedCart | null> {
  const cartId = await currentCartId();
  const cart = cartId ? await loadCart(db(), cartId, { market: currentMarket(), ...options }) : null;
  return cart ? presentCart(cart, await currentExchangeRate()) : null;
}

export async function getCartItemCount(): Promise<number> {
  const cartId = await currentCartId();
  return cartId ? countCartItems(db(), cartId) : 0;
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
