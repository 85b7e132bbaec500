// Idempotency keys: at most 32 characters of [A-Za-z0-9_-]. A key derived from the business
// operation makes a repeated call (a retry, a double click, a crashed worker) hit Amazon's saved
// response instead of creating a second object.
import { createHash, randomUUID } from "node:crypto";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 32;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/** A fresh random key: a v4 UUID without dashes (32 hex characters), as the SDKs generate. */
export function randomIdempotencyKey(): string {
  return randomUUID().replaceAll("-", "");
}

/**
 * Deterministic key for one business operation, e.g. `idempotencyKeyFor("complete", checkoutSessionId)`
 * or `idempotencyKeyFor("refund", `${orderId}:${refundNumber}`)`. 32 base64url characters of the
 * SHA-256 of scope and id (192 bits); scope and id are hashed as a JSON pair so that no
 * (scope, id) split collides with another.
 */
export function idempotencyKeyFor(scope: string, id: string): string {
  if (scope === "" || id === "") throw new TypeError("idempotencyKeyFor needs a non-empty scope and id");
  return createHash("sha256")
    .update(JSON.stringify([scope, id]))
    .digest("base64url")
    .slice(0, IDEMPOTENCY_KEY_MAX_LENGTH);
}
