import "server-only";
// Who is the merchant: the request's session cookie, its signature (the same check proxy.ts
// makes) and its session row (open, not signed out). Every merchant page, route and action asks.
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { adminSessionKey } from "./session-key";
import { ADMIN_COOKIE, readAdminToken, type AdminToken } from "./session-token";
import { isOpenAdminSession } from "./sessions";

export const adminEnabled = (): boolean => env().ADMIN_PASSWORD !== undefined;

/** The signed session this request's cookie names, open or not; null when unsigned or expired. */
export async function signedAdminToken(): Promise<AdminToken | null> {
  return readAdminToken((await cookies()).get(ADMIN_COOKIE)?.value, adminSessionKey(env()));
}

/** True when this request carries an open merchant session. Admin actions call it first. */
export async function isAdmin(): Promise<boolean> {
  const token = await signedAdminToken();
  return token !== null && (await isOpenAdminSession(db(), token.sessionId));
}
