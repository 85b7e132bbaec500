import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isWellFormedCartToken } from "./token";

export const CART_COOKIE = "cart";
const THIRTY_DAYS_SECONDS = 60 * 60 * 24 * 30;

/** The cart token from the request cookie, if it is well formed. */
export async function readCartToken(): Promise<string | null> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  return isWellFormedCartToken(value) ? value : null;
}

/**
 * SameSite=Lax, not Strict: the buyer comes back from Amazon's pages with a top-level GET
 * navigation, and the review and result pages must see their cart then.
 */
export async function writeCartToken(token: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().SHOP_URL.startsWith("https://"),
    path: "/",
    maxAge: THIRTY_DAYS_SECONDS,
  });
}
