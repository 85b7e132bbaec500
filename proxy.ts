import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, isValidAdminToken } from "@/lib/admin/session-token";

// The merchant area (/admin, /api/admin) needs a session signed with ADMIN_PASSWORD; without
// that variable it is closed. Admin server actions check the session again themselves, since
// an action can be posted to any path.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/admin");
  if (pathname === "/admin/login") return NextResponse.next();
  const password = process.env.ADMIN_PASSWORD?.trim() || undefined;
  if (!password) {
    return isApi
      ? NextResponse.json({ error: "The merchant area is disabled: ADMIN_PASSWORD is not set." }, { status: 403 })
      : NextResponse.rewrite(new URL("/admin/login", request.url));
  }
  if (isValidAdminToken(request.cookies.get(ADMIN_COOKIE)?.value, password)) return NextResponse.next();
  if (isApi) return NextResponse.json({ error: "Sign in to the merchant area first." }, { status: 401 });
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("next", pathname);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/admin/:path*", "/api/admin/:path*"],
};
