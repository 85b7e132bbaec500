import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { amazonPayOrigins } from "./amazon-pay-origins";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from "./content-security-policy";
import { fillScriptHashes, SCRIPT_HASHES_PLACEHOLDER } from "./content-security-policy-hashes.mjs";
import { cachedPageHeaders, securityHeaders } from "./security-headers";

const directives = (policy: string) =>
  new Map(
    policy.split("; ").map((part) => {
      const [name, ...values] = part.split(" ");
      return [name!, values] as const;
    }),
  );

const localEnv = parseEnv({
  AMAZON_PAY_EMULATOR_HOST: "127.0.0.1",
  AMAZON_PAY_EMULATOR_PORT: "4010",
  SHOP_URL: "http://127.0.0.1:3000",
});
const amazonEnv = (extra: Record<string, string> = {}) =>
  parseEnv({
    AMAZON_PAY_MERCHANT_ID: "A1",
    AMAZON_PAY_STORE_ID: "amzn1.application-oa2-client.x",
    AMAZON_PAY_PUBLIC_KEY_ID: "SANDBOX-ABC",
    AMAZON_PAY_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----",
    SHOP_URL: "https://shop.example",
    ...extra,
  });

describe("page Content-Security-Policy", () => {
  it("allows scripts only from the shop, the nonce and the emulator's checkout.js", () => {
    const nonce = newNonce();
    const policy = directives(
      pageContentSecurityPolicy({
        scripts: { nonce },
        amazonPay: amazonPayOrigins(localEnv),
        development: false,
        https: false,
      }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "http://127.0.0.1:4010"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:4010"]);
    expect(policy.get("form-action")).toEqual(["'self'", "http://127.0.0.1:4010"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:", "http://127.0.0.1:4010"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("follows AMAZON_PAY_CHECKOUT_JS_URL and the emulator address", () => {
    const e = parseEnv({
      AMAZON_PAY_EMULATOR_HOST: "localhost",
      AMAZON_PAY_EMULATOR_PORT: "4999",
      AMAZON_PAY_CHECKOUT_JS_URL: "http://127.0.0.1:5000/checkout.js",
    });
    const origins = amazonPayOrigins(e);
    expect(origins.script).toEqual(["http://127.0.0.1:5000"]);
    expect(origins.connect).toEqual(["http://127.0.0.1:5000", "http://localhost:4999"]);
  });

  it("uses Amazon's checkout.js host of the region with credentials", () => {
    expect(amazonPayOrigins(amazonEnv()).script).toEqual(["https://static-na.payments-amazon.com"]);
    expect(amazonPayOrigins(amazonEnv({ AMAZON_PAY_REGION: "uk" })).script).toEqual([
      "https://static-eu.payments-amazon.com",
    ]);
    const jp = amazonPayOrigins(amazonEnv({ AMAZON_PAY_REGION: "jp" }));
    expect(jp.script).toEqual(["https://static-fe.payments-amazon.com"]);
    expect(jp.form).toContain("https://*.amazon.co.jp");
    expect(jp.form).not.toContain("https://*.amazon.com");
  });

  it("adds eval only in development and upgrades requests only on https", () => {
    const base = { scripts: { nonce: newNonce() }, amazonPay: amazonPayOrigins(amazonEnv()) };
    expect(
      directives(pageContentSecurityPolicy({ ...base, development: true, https: false })).get("script-src"),
    ).toContain("'unsafe-eval'");
    expect(
      directives(pageContentSecurityPolicy({ ...base, development: false, https: true })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(true);
  });

  it("refuses a nonce that could break out of the header", () => {
    const amazonPay = amazonPayOrigins(localEnv);
    for (const nonce of ["", "short", "abcdefghijklmnop'; script-src *", "abcdefghijklmnopq r"]) {
      expect(() =>
        pageContentSecurityPolicy({ scripts: { nonce }, amazonPay, development: false, https: false }),
      ).toThrow();
    }
  });

  it("allows a cached page's inline scripts only by the hashes the page cache fills in", () => {
    const template = pageContentSecurityPolicy({
      scripts: "hashes",
      amazonPay: amazonPayOrigins(localEnv),
      development: false,
      https: false,
    });
    expect(directives(template).get("script-src")).toEqual([
      "'self'",
      SCRIPT_HASHES_PLACEHOLDER,
      "http://127.0.0.1:4010",
    ]);
    expect(template).not.toContain("nonce");
    const hash = `'sha256-${"A".repeat(43)}='`;
    expect(directives(fillScriptHashes(template, [hash])).get("script-src")).toEqual([
      "'self'",
      hash,
      "http://127.0.0.1:4010",
    ]);
    expect(directives(fillScriptHashes(template, [])).get("script-src")).toEqual([
      "'self'",
      "http://127.0.0.1:4010",
    ]);
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("security headers", () => {
  it("sets the fixed headers and the page policy", () => {
    const headers = securityHeaders(localEnv, { kind: "page", nonce: newNonce() });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("adds HSTS when the shop is served over https", () => {
    const headers = securityHeaders(amazonEnv(), { kind: "page", nonce: newNonce() });
    expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(headers["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("does not upgrade requests to an emulator served over http", () => {
    const e = parseEnv({ SHOP_URL: "https://shop.example" });
    const headers = securityHeaders(e, { kind: "page", nonce: newNonce() });
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("gives the page cache the whole policy to fill with hashes, and HSTS on https", () => {
    const local = cachedPageHeaders(localEnv);
    expect(Object.keys(local)).toEqual(["Content-Security-Policy"]);
    expect(local["Content-Security-Policy"]).toContain(
      `script-src 'self' ${SCRIPT_HASHES_PLACEHOLDER} http://127.0.0.1:4010`,
    );
    expect(local["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(local["Content-Security-Policy"]).not.toContain("nonce");
    const amazon = cachedPageHeaders(amazonEnv());
    expect(amazon["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(amazon["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("hands out a fresh copy of a route handler's headers each time", () => {
    const first = securityHeaders(localEnv, { kind: "api" });
    first["Content-Security-Policy"] = "changed";
    expect(securityHeaders(localEnv, { kind: "api" })["Content-Security-Policy"]).toBe(
      API_CONTENT_SECURITY_POLICY,
    );
  });

  it("gives route handlers a policy that loads nothing", () => {
    expect(securityHeaders(localEnv, { kind: "api" })["Content-Security-Policy"]).toBe(
      API_CONTENT_SECURITY_POLICY,
    );
    expect(directives(API_CONTENT_SECURITY_POLICY).get("default-src")).toEqual(["'none'"]);
  });
});
