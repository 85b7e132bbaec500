// Merchant-area session tokens: "v1.<expires epoch s>.<HMAC-SHA256>", keyed from ADMIN_PASSWORD,
// so every storefront instance with the same password accepts them and changing the password
// signs everybody out. Pure functions: used by proxy.ts and by every admin action.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const ADMIN_COOKIE = "admin_session";
export const ADMIN_SESSION_SECONDS = 12 * 60 * 60;

const keyFor = (password: string) =>
  createHash("sha256").update(`storefront-admin-session:${password}`).digest();

function mac(password: string, expires: number): string {
  return createHmac("sha256", keyFor(password)).update(`v1.${expires}`).digest("hex");
}

export function issueAdminToken(password: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const expires = nowSeconds + ADMIN_SESSION_SECONDS;
  return `v1.${expires}.${mac(password, expires)}`;
}

export function isValidAdminToken(
  token: string | undefined,
  password: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!token || !password) return false;
  const match = /^v1\.(\d{1,12})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= nowSeconds || expires > nowSeconds + ADMIN_SESSION_SECONDS) return false;
  return safeEqual(match[2] ?? "", mac(password, expires));
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
