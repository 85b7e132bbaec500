// The canonical request of an API call: normalized path, sorted query, signed headers and the
// body hash, and the string to sign derived from it.
import { sha256Hex, type SigningAlgorithm } from "./algorithms";

export const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

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
