// Merchant-area session tokens: "v2.<session id>.<expires epoch s>.<HMAC-SHA256>", signed with the
// key of ./session-key.ts (ADMIN_SESSION_SECRET and ADMIN_PASSWORD together). The signature is
// the cheap check proxy.ts makes on every merchant-area request; whether the session is still
// open (not signed out, not expired) is the database's answer (./sessions.ts). Pure functions.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const ADMIN_COOKIE = "admin_session";
export const ADMIN_SESSION_SECONDS = 12 * 60 * 60;

const TOKEN = /^v2\.([A-Za-z0-9_-]{43})\.(\d{1,12})\.([0-9a-f]{64})$/;

export interface AdminToken {
  sessionId: string;
  expires: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A new random session id (256 bits, base64url). */
export const newSessionId = (): string => randomBytes(32).toString("base64url");

/** What the database stores for a session id: its SHA-256, never the id itself. */
export const sessionRowId = (sessionId: string): string =>
  createHash("sha256").update(sessionId).digest("hex");

function mac(key: Buffer, sessionId: string, expires: number): string {
  return createHmac("sha256", key).update(`v2.${sessionId}.${expires}`).digest("hex");
}

export function issueAdminToken(key: Buffer, sessionId: string, expires: number): string {
  return `v2.${sessionId}.${expires}.${mac(key, sessionId, expires)}`;
}

/** The session a well-formed, correctly signed, unexpired token names, or null. */
export function readAdminToken(
  token: string | undefined,
  key: Buffer | null,
  now = nowSeconds(),
): AdminToken | null {
  if (!token || !key) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, sessionId = "", expiresText = "", signature = ""] = match;
  const expires = Number(expiresText);
  if (expires <= now || expires > now + ADMIN_SESSION_SECONDS) return null;
  return safeEqual(signature, mac(key, sessionId, expires)) ? { sessionId, expires } : null;
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
