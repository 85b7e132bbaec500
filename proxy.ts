import { NextResponse, type NextRequest } from "next/server";
import { merchantGate } from "@/lib/admin/merchant-gate";
import { env } from "@/lib/env";
import { isCachedPageRequest } from "@/lib/catalog/cached-pages";
import { newNonce } from "@/lib/security/content-security-policy";
import { PAGE_POLICY_TEMPLATE_HEADER } from "@/lib/security/content-security-policy-hashes.mjs";
import { checkPagePost } from "@/lib/security/page-post-guard";
import { cachedPagePolicyTemplate, securityHeaders } from "@/lib/security/security-headers";

// Runs before every page and route handler (not static files):
// 1. refuses malformed paths and hostile posts to pages (foreign origins, bodies that are not
//    a server action call React would send) with a 4xx, where Next.js would answer 500;
// 2. guards the merchant area (lib/admin/merchant-gate.ts: the session cookie's signature);
// 3. sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts;
//    the catalog pages, served from the page cache to every buyer alike, carry no nonce: the
//    cache adds the policy with the hashes of each page's own scripts.

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** A path whose %-escapes do not decode (e.g. /products/%ff) makes Next.js answer 500. */
function hasMalformedEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const e = env();
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const apiHeaders = securityHeaders(e, { kind: "api" });

  if (hasMalformedEscapes(pathname)) {
    return withHeaders(
      NextResponse.json({ error: "The address is not valid." }, { status: 400 }),
      apiHeaders,
    );
  }
  if (request.method === "POST" && !isApi) {
    const refusal = await checkPagePost(request, e.SHOP_URL);
    if (refusal)
      return withHeaders(NextResponse.json({ error: refusal.error }, { status: refusal.status }), apiHeaders);
  }

  const requestHeaders = new Headers(request.headers);
  // Only this proxy tells the page cache which requests it may answer.
  requestHeaders.delete(PAGE_POLICY_TEMPLATE_HEADER);
  if (e.NODE_ENV !== "development" && isCachedPageRequest(request.method, pathname)) {
    requestHeaders.delete("content-security-policy");
    requestHeaders.set(PAGE_POLICY_TEMPLATE_HEADER, cachedPagePolicyTemplate(e));
    return withHeaders(
      NextResponse.next({ request: { headers: requestHeaders } }),
      securityHeaders(e, { kind: "cached-page" }),
    );
  }

  const pageHeaders = securityHeaders(e, { kind: "page", nonce: newNonce() });
  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders.
  requestHeaders.set("content-security-policy", pageHeaders["Content-Security-Policy"] ?? "");

  const gate = merchantGate(request, requestHeaders, e);
  if (gate) return withHeaders(gate, gate.headers.has("x-middleware-rewrite") ? pageHeaders : apiHeaders);
  if (isApi) return withHeaders(NextResponse.next(), apiHeaders);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pageHeaders);
}

export const config = {
  // Everything but the build's static files, optimized images and the IPN endpoint, which sets
  // its own headers: for any request the proxy runs on, Next.js buffers the body first and logs
  // an error when the sender hangs up mid-body (SNS and the emulator do when an answer is slow).
  matcher: ["/((?!_next/static/|_next/image|api/amazon-pay/ipn(?:/|$)).*)"],
};
