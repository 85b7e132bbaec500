// A stand-in for the request APIs of `next/headers` in tests of code that reads the buyer's
// cookies (the cart cookie). A test file replaces the module with this one:
//
//   vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
//
// and says whose browser the next call comes from with browseAs(cartToken).

// lib/cart/cookie.ts's CART_COOKIE; not imported, because that module imports this one's stand-in.
const CART_COOKIE = "cart";
const jar = new Map<string, string>();

/** The next requests carry this cart cookie (or none). */
export function browseAs(cartToken: string | null): void {
  jar.clear();
  if (cartToken !== null) jar.set(CART_COOKIE, cartToken);
}

/** The next requests also carry this cookie (until the next browseAs). */
export function withCookie(name: string, value: string): void {
  jar.set(name, value);
}

/** The cart cookie the shop set during the last calls, if any. */
export const cartCookie = (): string | null => jar.get(CART_COOKIE) ?? null;

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    has: (name: string) => jar.has(name),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => {
      jar.set(name, value);
    },
    delete: (name: string) => {
      jar.delete(name);
    },
  };
}

export async function headers() {
  return new Headers();
}
