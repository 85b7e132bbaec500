// Where requests go: regions, API hosts, the checkout.js script per region, the two sandbox/live
// addressing schemes and the base URL override for an emulator.
import { AmazonPayConfigError } from "./errors";

export const REGIONS = ["na", "eu", "jp"] as const;
export type Region = (typeof REGIONS)[number];

/** Region names every official SDK accepts, mapped to the API region. */
export const REGION_ALIASES: Readonly<Record<string, Region>> = {
  na: "na",
  us: "na",
  eu: "eu",
  de: "eu",
  uk: "eu",
  jp: "jp",
};

export const API_HOSTS: Readonly<Record<Region, string>> = {
  na: "pay-api.amazon.com",
  eu: "pay-api.amazon.eu",
  jp: "pay-api.amazon.jp",
};

/** The same script serves sandbox and live; the key prefix (or `sandbox: true`) selects the environment. */
export const CHECKOUT_JS_URLS: Readonly<Record<Region, string>> = {
  na: "https://static-na.payments-amazon.com/checkout.js",
  eu: "https://static-eu.payments-amazon.com/checkout.js",
  jp: "https://static-fe.payments-amazon.com/checkout.js",
};

export function normalizeRegion(value: string): Region {
  const region = REGION_ALIASES[value.trim().toLowerCase()];
  if (!region)
    throw new AmazonPayConfigError([
      {
        field: "region",
        message: `unknown region ${JSON.stringify(value)}; use na, eu or jp (or us, de, uk)`,
      },
    ]);
  return region;
}

export const checkoutJsUrl = (region: Region): string => CHECKOUT_JS_URLS[region];

/**
 * The SDKs' rule, verbatim: a key id starting with LIVE or SANDBOX (any case, no dash required)
 * is environment-specific and the URL carries no environment segment.
 */
export function isEnvironmentSpecificKeyId(publicKeyId: string): boolean {
  const upper = publicKeyId.toUpperCase();
  return upper.startsWith("LIVE") || upper.startsWith("SANDBOX");
}

/** The environment a key id's prefix implies, or null for a legacy key. */
export function keyIdEnvironment(publicKeyId: string): "sandbox" | "live" | null {
  const upper = publicKeyId.toUpperCase();
  if (upper.startsWith("SANDBOX")) return "sandbox";
  if (upper.startsWith("LIVE")) return "live";
  return null;
}

/** Hosts that may be reached over plain http: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost") return true;
  if (host === "[::1]" || host === "::1") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Parses a base URL override (a emulator). https is always allowed and is verified as usual;
 * http only for loopback hosts, so a signed request never crosses a network in clear text.
 */
export function parseBaseUrlOverride(value: string): URL {
  const field = "baseUrl";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AmazonPayConfigError([{ field, message: `not an absolute URL: ${JSON.stringify(value)}` }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AmazonPayConfigError([
      { field, message: `must use https (or http for a loopback host), got ${url.protocol}` },
    ]);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new AmazonPayConfigError([
      {
        field,
        message: `plain http is only allowed for loopback hosts (127.0.0.0/8, ::1, localhost), got ${url.hostname}; use https`,
      },
    ]);
  }
  if (url.username || url.password)
    throw new AmazonPayConfigError([{ field, message: "must not contain credentials" }]);
  if (url.search || url.hash)
    throw new AmazonPayConfigError([{ field, message: "must not contain a query or fragment" }]);
  return url;
}

export interface ApiBaseInput {
  region: Region;
  sandbox: boolean;
  publicKeyId: string;
  baseUrlOverride?: string | undefined;
}

export interface ApiBase {
  /** e.g. "https://pay-api.amazon.com" or "http://127.0.0.1:4010". */
  origin: string;
  /** Sent as x-amz-pay-host: the host[:port] actually called. */
  host: string;
  region: Region;
  /** Path before "/v2/...": the override's own path plus "/sandbox" or "/live" for legacy keys. */
  pathPrefix: string;
}

export function resolveApiBase(input: ApiBaseInput): ApiBase {
  const url = input.baseUrlOverride
    ? parseBaseUrlOverride(input.baseUrlOverride)
    : new URL(`https://${API_HOSTS[input.region]}`);
  const basePath = url.pathname.replace(/\/+$/, "");
  const environmentSegment = isEnvironmentSpecificKeyId(input.publicKeyId)
    ? ""
    : input.sandbox
      ? "/sandbox"
      : "/live";
  return {
    origin: url.origin,
    host: url.host,
    region: input.region,
    pathPrefix: `${basePath}${environmentSegment}`,
  };
}

/** Full URL of an API path such as "/v2/checkoutSessions" (no trailing slash is added). */
export function apiUrl(base: ApiBase, path: string): URL {
  return new URL(`${base.origin}${base.pathPrefix}${path}`);
}
