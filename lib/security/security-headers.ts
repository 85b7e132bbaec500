// The security headers of every response. proxy.ts sets them (with a per-request CSP nonce) on
// pages rendered per request, route handlers and its own answers. The pages served from the
// page cache never reach the proxy: they get the fixed headers from next.config.ts and the rest
// (cachedPageHeaders) from the cache, as do static files.
import type { Env } from "@/lib/env";
import { amazonPayOrigins } from "./amazon-pay-origins";
import {
  API_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  type InlineScripts,
} from "./content-security-policy";
import { FIXED_SECURITY_HEADERS } from "./fixed-headers";

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

type HeaderEnv = Pick<
  Env,
  "SHOP_URL" | "NODE_ENV" | "amazonPayMode" | "AMAZON_PAY_REGION" | "AMAZON_PAY_CHECKOUT_JS_URL"
>;

export type ResponseKind = { kind: "page"; nonce: string } | { kind: "api" };

function pagePolicy(e: HeaderEnv, scripts: InlineScripts): string {
  const amazonPay = amazonPayOrigins(e);
  const everyOriginHttps = [...amazonPay.script, ...amazonPay.connect, ...amazonPay.form].every((origin) =>
    origin.startsWith("https://"),
  );
  return pageContentSecurityPolicy({
    scripts,
    amazonPay,
    development: e.NODE_ENV === "development",
    https: e.SHOP_URL.startsWith("https://") && everyOriginHttps,
  });
}

const hsts = (e: HeaderEnv): Record<string, string> =>
  e.SHOP_URL.startsWith("https://")
    ? { "Strict-Transport-Security": `max-age=${TWO_YEARS_SECONDS}; includeSubDomains` }
    : {};

/**
 * What a page served from the page cache carries besides the fixed headers (next.config.ts sets
 * those): HSTS on https, and the whole policy with a placeholder the cache fills with the
 * page's script hashes. lib/startup.ts hands these to the cache.
 */
export function cachedPageHeaders(e: HeaderEnv): Record<string, string> {
  return { ...hsts(e), "Content-Security-Policy": pagePolicy(e, "hashes") };
}

// A route handler's headers depend on the configuration only: built once, not per request.
const apiHeaders = new WeakMap<HeaderEnv, Record<string, string>>();

export function securityHeaders(e: HeaderEnv, response: ResponseKind): Record<string, string> {
  if (response.kind === "api") {
    let headers = apiHeaders.get(e);
    if (!headers) {
      headers = {
        ...FIXED_SECURITY_HEADERS,
        ...hsts(e),
        "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
      };
      apiHeaders.set(e, headers);
    }
    return { ...headers };
  }
  return {
    ...FIXED_SECURITY_HEADERS,
    ...hsts(e),
    "Content-Security-Policy": pagePolicy(e, { nonce: response.nonce }),
  };
}
