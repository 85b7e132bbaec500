// The cookie that remembers which test buyer signed in, as Amazon remembers a signed-in buyer.
import type { IncomingMessage } from "node:http";

const BUYER_COOKIE = "amazon_pay_emulator_buyer";

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

export const signedInBuyerId = (req: IncomingMessage) => cookie(req, BUYER_COOKIE);

export const buyerCookie = (buyerId: string) =>
  `${BUYER_COOKIE}=${encodeURIComponent(buyerId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;

export const signedOutCookie = `${BUYER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
