// The Content-Security-Policy of every page: scripts only from this shop and from Amazon Pay's
// checkout.js origin; inline scripts only with the request's nonce (dynamic pages: Next.js reads
// it from this header and puts it on its own scripts) or, on pages served from the cache, by
// their SHA-256 hashes; fetches and form posts only to the shop and Amazon Pay; no framing.
import type { AmazonPayOrigins } from "./amazon-pay-origins";
import { SCRIPT_HASHES_PLACEHOLDER } from "./content-security-policy-hashes.mjs";

/**
 * How inline scripts are allowed: the nonce of this response, or the hashes of the cached page's
 * own scripts (the policy then holds a placeholder that the page cache fills per page).
 */
export type InlineScripts = { nonce: string } | "hashes";

export interface PagePolicyInput {
  scripts: InlineScripts;
  amazonPay: AmazonPayOrigins;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
  /** The shop is served over https: upgrade any stray http subresource. */
  https: boolean;
}

type Directive = [string, ...string[]];

const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

function serialize(directives: Directive[]): string {
  return directives.map((parts) => parts.join(" ")).join("; ");
}

function inlineScriptSource(scripts: InlineScripts): string {
  if (scripts === "hashes") return SCRIPT_HASHES_PLACEHOLDER;
  if (!NONCE_PATTERN.test(scripts.nonce))
    throw new Error("A CSP nonce must be at least 16 base64 characters.");
  return `'nonce-${scripts.nonce}'`;
}

export function pageContentSecurityPolicy({
  scripts,
  amazonPay,
  development,
  https,
}: PagePolicyInput): string {
  const directives: Directive[] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      inlineScriptSource(scripts),
      ...amazonPay.script,
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // checkout.js injects its own <style>, and React renders style attributes: inline styles
    // cannot run code, so they are allowed (a nonce here would switch 'unsafe-inline' off).
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...amazonPay.img],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...amazonPay.connect],
    ["frame-src", ...(amazonPay.frame.length > 0 ? amazonPay.frame : ["'none'"])] as Directive,
    ["form-action", "'self'", ...amazonPay.form],
    ["frame-ancestors", "'none'"],
    ["base-uri", "'self'"],
    ["object-src", "'none'"],
    ["manifest-src", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return serialize(directives);
}

/** Route handlers answer JSON, never a document: nothing may load, run or frame it. */
export const API_CONTENT_SECURITY_POLICY = serialize([
  ["default-src", "'none'"],
  ["frame-ancestors", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
]);

/** A fresh nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
