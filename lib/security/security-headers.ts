// The security headers of every response. proxy.ts sets them (with a per-request CSP nonce) on
// pages, route handlers and its own answers; next.config.ts sets the fixed ones on static files,
// which the proxy does not see.
import type { Env } from "@/lib/env";
import { amazonPayOrigins } from "./amazon-pay-origins";
import { API_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from "./content-security-policy";
import { FIXED_SECURITY_HEADERS } from "./fixed-headers";

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

type HeaderEnv = Pick<
  Env,
  "SHOP_URL" | "NODE_ENV" | "amazonPayMode" | "AMAZON_PAY_REGION" | "AMAZON_PAY_CHECKOUT_JS_URL"
>;

export type ResponseKind = { kind: "page"; nonce: string } | { kind: "api" };

export function securityHeaders(e: HeaderEnv, response: ResponseKind): Record<string, string> {
  const https = e.SHOP_URL.startsWith("https://");
  const headers: Record<string, string> = { ...FIXED_SECURITY_HEADERS };
  if (https) headers["Strict-Transport-Security"] = `max-age=${TWO_YEARS_SECONDS}; includeSubDomains`;
  if (response.kind === "api") {
    headers["Content-Security-Policy"] = API_CONTENT_SECURITY_POLICY;
    return headers;
  }
  const amazonPay = amazonPayOrigins(e);
  const everyOriginHttps = [...amazonPay.script, ...amazonPay.connect, ...amazonPay.form].every((origin) =>
    origin.startsWith("https://"),
  );
  headers["Content-Security-Policy"] = pageContentSecurityPolicy({
    nonce: response.nonce,
    amazonPay,
    development: e.NODE_ENV === "development",
    https: https && everyOriginHttps,
  });
  return headers;
}
