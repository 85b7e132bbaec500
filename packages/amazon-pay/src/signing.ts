// Amazon Pay API v2 request and button-payload signing (AMZN-PAY-RSASSA-PSS and -V2), and the
// matching verification used by the emulator. Pure functions on node:crypto; keys are
// passed in, never read here.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  constants,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

export const SIGNING_ALGORITHMS = ["AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-RSASSA-PSS"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** PSS salt length in bytes: 20 for the original algorithm, 32 for V2. */
export const SALT_LENGTH: Record<SigningAlgorithm, number> = {
  "AMZN-PAY-RSASSA-PSS": 20,
  "AMZN-PAY-RSASSA-PSS-V2": 32,
};

export function isSigningAlgorithm(value: string): value is SigningAlgorithm {
  return (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

export const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** RFC 3986 percent-encoding: unreserved characters kept, everything else UTF-8 %XX upper case. */
export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a lone "%" stays literal and is encoded as %25
  }
}

/**
 * Canonical URI: the path normalized (RFC 3986 dot segments removed, runs of "/" collapsed) and
 * each segment percent-encoded. Accepts raw or already-encoded paths. A reference starting with
 * "//" is a network-path reference whose authority is not part of the path (RFC 3986, section 4.2).
 */
export function canonicalUri(path: string): string {
  let p = path.split(/[?#]/, 1)[0] ?? "";
  if (p.startsWith("//")) {
    const slash = p.indexOf("/", 2);
    p = slash === -1 ? "" : p.slice(slash);
  }
  if (p === "") return "/";
  const trailingSlash = p.endsWith("/");
  const output: string[] = [];
  for (const segment of p.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      output.pop();
      continue;
    }
    output.push(rfc3986Encode(safeDecode(segment)));
  }
  if (output.length === 0) return "/";
  return `/${output.join("/")}${trailingSlash ? "/" : ""}`;
}

export type QueryInput =
  URLSearchParams | Iterable<readonly [string, string]> | Record<string, string | readonly string[]>;

function queryPairs(query: QueryInput | undefined): [string, string][] {
  if (!query) return [];
  if (query instanceof URLSearchParams) return [...query.entries()];
  if (Symbol.iterator in query)
    return [...(query as Iterable<readonly [string, string]>)].map(([k, v]) => [k, v]);
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const v of typeof value === "string" ? [value] : value) pairs.push([name, v]);
  }
  return pairs;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pairs encoded (RFC 3986, "/" too), sorted by encoded name then encoded value, joined with "&". */
export function canonicalQueryString(query: QueryInput | undefined): string {
  return queryPairs(query)
    .map(([name, value]) => [rfc3986Encode(name), rfc3986Encode(value)] as const)
    .sort((a, b) => byteOrder(a[0], b[0]) || byteOrder(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

export const normalizeHeaderValue = (value: string) => value.trim().replace(/\s+/g, " ");

export interface CanonicalRequestInput {
  method: string;
  /** Path as sent, e.g. "/sandbox/v2/checkoutSessions" (may be percent-encoded). */
  path: string;
  query?: QueryInput;
  /** Header values by name (any case). Must contain every header named in signedHeaders. */
  headers: Record<string, string | undefined>;
  /** Names of the headers to sign (any case). */
  signedHeaders: readonly string[];
  /** Exact body bytes; empty for GET. */
  body?: string | Uint8Array;
}

export class SigningError extends Error {
  override name = "SigningError";
}

export function signedHeaderList(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort(byteOrder);
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const lowerHeaders = new Map<string, string>();
  for (const [name, value] of Object.entries(input.headers)) {
    if (value !== undefined) lowerHeaders.set(name.toLowerCase(), value);
  }
  const names = signedHeaderList(input.signedHeaders);
  const canonicalHeaders = names
    .map((name) => {
      const value = lowerHeaders.get(name);
      if (value === undefined) throw new SigningError(`signed header ${name} is missing from the request`);
      return `${name}:${normalizeHeaderValue(value)}\n`;
    })
    .join("");
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(";"),
    sha256Hex(input.body ?? ""),
  ].join("\n");
}

export function stringToSign(algorithm: SigningAlgorithm, canonical: string): string {
  return `${algorithm}\n${sha256Hex(canonical)}`;
}

export type PrivateKeyInput = KeyObject | string;
export type PublicKeyInput = KeyObject | string;

const asPrivateKey = (key: PrivateKeyInput) => (typeof key === "string" ? createPrivateKey(key) : key);
const asPublicKey = (key: PublicKeyInput) => (typeof key === "string" ? createPublicKey(key) : key);

/** Base64 RSASSA-PSS (SHA-256, MGF1-SHA-256) signature of the UTF-8 string. */
export function signString(algorithm: SigningAlgorithm, text: string, privateKey: PrivateKeyInput): string {
  return sign("sha256", Buffer.from(text, "utf8"), {
    key: asPrivateKey(privateKey),
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: SALT_LENGTH[algorithm],
  }).toString("base64");
}

/** Strict verification: the salt length must be the algorithm's. Never throws on bad input. */
export function verifyString(
  algorithm: SigningAlgorithm,
  text: string,
  signature: string,
  publicKey: PublicKeyInput,
): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify(
      "sha256",
      Buffer.from(text, "utf8"),
      {
        key: asPublicKey(publicKey),
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: SALT_LENGTH[algorithm],
      },
      Buffer.from(signature, "base64"),
    );
  } catch {
    return false;
  }
}

export interface AuthorizationParts {
  algorithm: SigningAlgorithm;
  publicKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function formatAuthorization(parts: AuthorizationParts): string {
  return `${parts.algorithm} PublicKeyId=${parts.publicKeyId}, SignedHeaders=${parts.signedHeaders.join(";")}, Signature=${parts.signature}`;
}

/** Parses an authorization header; null when it is not an Amazon Pay signature header. */
export function parseAuthorization(header: string | undefined | null): AuthorizationParts | null {
  if (!header) return null;
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  if (space <= 0) return null;
  const algorithm = trimmed.slice(0, space);
  if (!isSigningAlgorithm(algorithm)) return null;
  const params = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(/,\s*/)) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const publicKeyId = params.get("PublicKeyId");
  const signedHeaders = params.get("SignedHeaders");
  const signature = params.get("Signature");
  if (!publicKeyId || !signedHeaders || !signature) return null;
  return { algorithm, publicKeyId, signedHeaders: signedHeaders.split(";").filter(Boolean), signature };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Basic ISO-8601 UTC, as the Java, PHP and .NET SDKs send it: 20190923T231908Z. */
export function formatAmzDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Accepts the basic form (20190923T231908Z) and the Node SDK's extended form (2019-09-23T23:19:08Z). */
export function parseAmzDate(text: string): Date | null {
  const m =
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text) ??
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject overflowing fields such as month 13 that Date.UTC would silently roll over.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60
    ? date
    : null;
}

/** Headers every request carries and signs. */
export const BASE_SIGNED_HEADERS = [
  "accept",
  "content-type",
  "x-amz-pay-date",
  "x-amz-pay-host",
  "x-amz-pay-region",
] as const;

export interface SignRequestInput {
  method: string;
  url: URL;
  /** All headers to send; those in `signHeaders` (default: all of them) are signed. */
  headers: Record<string, string>;
  signHeaders?: readonly string[];
  body?: string;
  publicKeyId: string;
  privateKey: PrivateKeyInput;
  algorithm: SigningAlgorithm;
}

/** Returns the authorization header value for a request whose other headers are final. */
export function signRequest(input: SignRequestInput): {
  authorization: string;
  stringToSign: string;
  canonicalRequest: string;
} {
  const signed = signedHeaderList(input.signHeaders ?? Object.keys(input.headers));
  const canonical = canonicalRequest({
    method: input.method,
    path: input.url.pathname,
    query: input.url.searchParams,
    headers: input.headers,
    signedHeaders: signed,
    body: input.body,
  });
  const toSign = stringToSign(input.algorithm, canonical);
  const signature = signString(input.algorithm, toSign, input.privateKey);
  return {
    authorization: formatAuthorization({
      algorithm: input.algorithm,
      publicKeyId: input.publicKeyId,
      signedHeaders: signed,
      signature,
    }),
    stringToSign: toSign,
    canonicalRequest: canonical,
  };
}

/**
 * Signature for a checkout.js button payload: no canonical request, the exact payloadJSON
 * string is hashed. Sign the very string handed to the browser; never re-serialize it.
 */
export function signButtonPayload(
  payloadJSON: string,
  privateKey: PrivateKeyInput,
  algorithm: SigningAlgorithm,
): string {
  return signString(algorithm, buttonStringToSign(payloadJSON, algorithm), privateKey);
}

export function buttonStringToSign(payloadJSON: string, algorithm: SigningAlgorithm): string {
  return `${algorithm}\n${sha256Hex(payloadJSON)}`;
}

export function verifyButtonPayload(
  payloadJSON: string,
  signature: string,
  publicKey: PublicKeyInput,
  algorithm: SigningAlgorithm,
): boolean {
  return verifyString(algorithm, buttonStringToSign(payloadJSON, algorithm), signature, publicKey);
}
