// Redaction of buyer data and secrets, for logs and for the audit trail of request and response
// bodies. Buyer data: names, emails, phone numbers, address lines, buyer ids and tokens. Secrets:
// authorization headers, auth tokens, private keys. Country codes, amounts, states and ids of
// sessions, charges and refunds stay readable, since they are what an audit needs.
import { KeyObject } from "node:crypto";

export const REDACTED = "[REDACTED]";

/** Member names (compared case-insensitively) whose values are replaced wherever they appear. */
const REDACTED_KEYS = new Set(
  [
    // buyer identity and contact
    "name",
    "email",
    "phoneNumber",
    "buyerId",
    "buyerToken",
    "primeMembershipTypes",
    // address lines (countryCode is kept)
    "addressLine1",
    "addressLine2",
    "addressLine3",
    "city",
    "county",
    "district",
    "districtOrCounty",
    "stateOrRegion",
    "postalCode",
    "shippingAddressList",
    // payment tokens
    "amazonPayToken",
    "tokens",
    // secrets
    "authorization",
    "x-amz-pay-authorization",
    "x-amz-pay-authtoken",
    "privateKey",
    "privateKeyPem",
    "private_key",
  ].map((key) => key.toLowerCase()),
);

const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;

export function isRedactedKey(key: string): boolean {
  return REDACTED_KEYS.has(key.toLowerCase());
}

/** Removes private keys and email addresses from free text (messages, raw bodies). */
export function redactText(text: string): string {
  return text.replace(PEM_PRIVATE_KEY, REDACTED).replace(EMAIL, REDACTED);
}

export type RedactedJson =
  null | boolean | number | string | RedactedJson[] | { [key: string]: RedactedJson };

/**
 * A JSON-safe deep copy of `value` with buyer data and secrets replaced by "[REDACTED]". Null and
 * missing values stay as they are, so the copy still shows which members were present.
 */
export function redact(value: unknown): RedactedJson {
  return redactValue(value, new WeakSet());
}

function redactValue(value: unknown, seen: WeakSet<object>): RedactedJson {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return redactText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return null;
  if (value instanceof KeyObject) return REDACTED;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
    if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
    const output: Record<string, RedactedJson> = {};
    for (const [key, member] of Object.entries(value)) {
      output[key] =
        isRedactedKey(key) && member !== null && member !== undefined ? REDACTED : redactValue(member, seen);
    }
    return output;
  } finally {
    seen.delete(value);
  }
}

/** A raw body (JSON or not) redacted for storage; JSON stays JSON. */
export function redactBodyText(text: string): string {
  try {
    return JSON.stringify(redact(JSON.parse(text)));
  } catch {
    return redactText(text);
  }
}

/** Header map with secret headers replaced; names are kept as given. */
export function redactHeaders(headers: Headers | Record<string, string | undefined>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const output: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    output[name] = isRedactedKey(name) ? REDACTED : redactText(value);
  }
  return output;
}

/** API path with the buyer token of Get Buyer removed: /v2/buyers/{token} → /v2/buyers/[REDACTED]. */
export function redactPath(path: string): string {
  return path.replace(/(\/buyers\/)[^/?#]+/g, `$1${REDACTED}`);
}
