// Order numbers buyers can read out on the phone: "HP-" and 10 Crockford base32 characters
// (no I, L, O, U), 50 random bits, so they are not guessable or enumerable.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const ORDER_NUMBER_PATTERN = /^HP-[0-9A-HJKMNP-TV-Z]{10}$/;

export function newOrderNumber(): string {
  const bytes = randomBytes(10);
  return `HP-${Array.from(bytes, (b) => ALPHABET[b & 31]).join("")}`;
}
