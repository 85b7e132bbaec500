import { NextResponse, type NextRequest } from "next/server";
import { merchantGate } from "@/lib/admin/merchant-gate";
import { env } from "@/lib/env";
import { newNonce } from "@/lib/security/content-security-policy";
import { checkPagePost } from "@/lib/security/page-post-guard";
import { securityHeaders } from "@/lib/security/security-headers";

// Runs before every page and route handler (not static files):
// 1. refuses malformed paths and hostile posts to pages (foreign origins, bodies that are not
//    a server action call React would send) with a 4xx, where Next.js would answer 500;
// 2. guards the merchant area (lib/admin/merchant-gate.ts: the session cookie's signature);
// 3. sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts.
// It never sees a GET of a catalog page (see the matcher): those come from the page cache.

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
  //
  // Nor the catalog pages (home, products by a slug's characters: anything else, /products/%ff
  // say, comes here to be refused) unless the request has a body: their GETs are served
  // from the page cache to every buyer alike, with the hashes of the page's own scripts in their
  // policy (lib/catalog/page-cache-handler.mjs) and the fixed headers from next.config.ts, at
  // half the cost of a request through here. Posts to them (server actions, forms) come here.
  // Next.js answers any other method on them with a bodiless 405.
  matcher: [
    "/((?!_next/static/|_next/image|api/amazon-pay/ipn(?:/|$)|products/[a-z0-9-]{1,80}$|$).*)",
    { source: "/", has: [{ type: "header", key: "content-type" }] },
    { source: "/products/:slug", has: [{ type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "header", key: "next-action" }] },
    { source: "/products/:slug", has: [{ type: "header", key: "next-action" }] },
  ],
};
