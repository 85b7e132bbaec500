import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, isValidAdminToken } from "@/lib/admin/session-token";
import { env } from "@/lib/env";
import { newNonce } from "@/lib/security/content-security-policy";
import { checkPagePost } from "@/lib/security/page-post-guard";
import { securityHeaders } from "@/lib/security/security-headers";

// Runs before every page and route handler (not static files):
// 1. refuses malformed paths and hostile posts to pages (foreign origins, bodies that are not
//    a server action call React would send) with a 4xx, where Next.js would answer 500;
// 2. guards the merchant area;
// 3. sets the security headers, with a fresh CSP nonce that Next.js puts on its own scripts.

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

/**
 * The merchant area (/admin, /api/admin) needs a session signed with ADMIN_PASSWORD; without
 * that variable it is closed. Server action calls pass: each admin action checks the session
 * itself (an action can be posted to any path) and answers "Sign in…", and the admin pages
 * check it again when they render. Answers null when the request may go on.
 */
function merchantGate(request: NextRequest, pageRequestHeaders: Headers): NextResponse | null {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api/admin" || pathname.startsWith("/api/admin/");
  const isPage = pathname === "/admin" || pathname.startsWith("/admin/");
  if (!isApi && !isPage) return null;
  if (pathname === "/admin/login") return null;
  if (isPage && request.method === "POST" && request.headers.has("next-action")) return null;
  const password = process.env.ADMIN_PASSWORD?.trim() || undefined;
  if (!password) {
    return isApi
      ? NextResponse.json(
          { error: "The merchant area is disabled: ADMIN_PASSWORD is not set." },
          { status: 403 },
        )
      : NextResponse.rewrite(new URL("/admin/login", request.url), {
          request: { headers: pageRequestHeaders },
        });
  }
  if (isValidAdminToken(request.cookies.get(ADMIN_COOKIE)?.value, password)) return null;
  if (isApi) return NextResponse.json({ error: "Sign in to the merchant area first." }, { status: 401 });
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("next", pathname);
  return NextResponse.redirect(login);
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

  const pageHeaders = securityHeaders(e, { kind: "page", nonce: newNonce() });
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders.
  requestHeaders.set("content-security-policy", pageHeaders["Content-Security-Policy"] ?? "");

  const gate = merchantGate(request, requestHeaders);
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
