// The Content-Security-Policy of every page: scripts only from this shop (each inline script
// carries the request's nonce, which Next.js reads from this header) and from Amazon Pay's
// checkout.js origin; fetches and form posts only to the shop and Amazon Pay; no framing.
import type { AmazonPayOrigins } from "./amazon-pay-origins";

export interface PagePolicyInput {
  nonce: string;
  amazonPay: AmazonPayOrigins;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
  /** The shop is served over https: upgrade any stray http subresource. */
  https: boolean;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

function serialize(directives: [string, ...string[]][]): string {
  return directives.map((parts) => parts.join(" ")).join("; ");
}

export function pageContentSecurityPolicy({ nonce, amazonPay, development, https }: PagePolicyInput): string {
  if (!NONCE_PATTERN.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      ...amazonPay.script,
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // checkout.js injects its own <style>, and React renders style attributes: inline styles
    // cannot run code, so they are allowed (a nonce here would switch 'unsafe-inline' off).
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...amazonPay.img],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...amazonPay.connect],
    ["frame-src", ...(amazonPay.frame.length > 0 ? amazonPay.frame : ["'none'"])] as [string, ...string[]],
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
