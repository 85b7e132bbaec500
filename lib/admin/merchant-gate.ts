// The merchant area's guard in proxy.ts: /admin and /api/admin need a session cookie signed with
// the key of ./session-key.ts; without ADMIN_PASSWORD the area is closed. This is the cheap check
// (a signature, no database); the pages, routes and actions ask ./auth.ts again, which also
// refuses sessions that were signed out. Server action calls pass: each admin action checks the
// session itself (an action can be posted to any path) and answers "Sign in…".
import { NextResponse, type NextRequest } from "next/server";
import type { Env } from "@/lib/env";
import { adminSessionKey } from "./session-key";
import { ADMIN_COOKIE, readAdminToken } from "./session-token";

type GateEnv = Pick<Env, "ADMIN_PASSWORD" | "ADMIN_SESSION_SECRET" | "NODE_ENV" | "DATA_DIR">;

/** Answers null when the request may go on. */
export function merchantGate(
  request: NextRequest,
  pageRequestHeaders: Headers,
  e: GateEnv,
): NextResponse | null {
  const { pathname } = request.nextUrl;
  const isApi = pathname === "/api/admin" || pathname.startsWith("/api/admin/");
  const isPage = pathname === "/admin" || pathname.startsWith("/admin/");
  if (!isApi && !isPage) return null;
  if (pathname === "/admin/login") return null;
  if (isPage && request.method === "POST" && request.headers.has("next-action")) return null;
  const key = adminSessionKey(e);
  if (!key) {
    return isApi
      ? NextResponse.json(
          { error: "The merchant area is disabled: ADMIN_PASSWORD is not set." },
          { status: 403 },
        )
      : NextResponse.rewrite(new URL("/admin/login", request.url), {
          request: { headers: pageRequestHeaders },
        });
  }
  if (readAdminToken(request.cookies.get(ADMIN_COOKIE)?.value, key)) return null;
  if (isApi) return NextResponse.json({ error: "Sign in to the merchant area first." }, { status: 401 });
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("next", pathname);
  return NextResponse.redirect(login);
}
