// The security headers of every response. proxy.ts sets them (with a per-request CSP nonce, or
// for pages served from the cache the policy without its script directives) on pages, route
// handlers and its own answers; next.config.ts sets the fixed ones on static files, which the
// proxy does not see.
import type { Env } from "@/lib/env";
import { amazonPayOrigins } from "./amazon-pay-origins";
import {
  API_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  withoutScriptDirectives,
  type InlineScripts,
} from "./content-security-policy";
import { FIXED_SECURITY_HEADERS } from "./fixed-headers";

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

type HeaderEnv = Pick<
  Env,
  "SHOP_URL" | "NODE_ENV" | "amazonPayMode" | "AMAZON_PAY_REGION" | "AMAZON_PAY_CHECKOUT_JS_URL"
>;

export type ResponseKind = { kind: "page"; nonce: string } | { kind: "cached-page" } | { kind: "api" };

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

/** The whole policy of a page served from the cache, with a placeholder for its script hashes. */
export function cachedPagePolicyTemplate(e: HeaderEnv): string {
  return pagePolicy(e, "hashes");
}

export function securityHeaders(e: HeaderEnv, response: ResponseKind): Record<string, string> {
  const https = e.SHOP_URL.startsWith("https://");
  const headers: Record<string, string> = { ...FIXED_SECURITY_HEADERS };
  if (https) headers["Strict-Transport-Security"] = `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`;
  if (response.kind === "api") {
    headers["Content-Security-Policy"] = API_CONTENT_SECURITY_POLICY;
    return headers;
  }
  headers["Content-Security-Policy"] =
    response.kind === "page"
      ? pagePolicy(e, { nonce: response.nonce })
      : withoutScriptDirectives(cachedPagePolicyTemplate(e));
  return headers;
}
