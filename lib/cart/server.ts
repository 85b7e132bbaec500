import "server-only";
import { db } from "@/lib/db";
import type { ShippingMethodId } from "@/lib/pricing/shipping-methods";
import { readCartToken } from "./cookie";
import { countCartItems, findCartIdByToken, loadCart, type CartView } from "./repository";

/** The id of this browser's cart, or null when it has none (no cookie, unknown token). */
export async function currentCartId(): Promise<string | null> {
  const token = await readCartToken();
  return token ? findCartIdByToken(db(), token) : null;
}

export async function getCurrentCart(
  options: { shippingMethod?: ShippingMethodId; destinationState?: string | null } = {},
): Promise<CartView | null> {
  const cartId = await currentCartId();
  return cartId ? loadCart(db(), cartId, options) : null;
}

export async function getCartItemCount(): Promise<number> {
  const cartId = await currentCartId();
  return cartId ? countCartItems(db(), cartId) : 0;
}
