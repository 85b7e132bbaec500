import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { ADMIN_COOKIE, isValidAdminToken } from "./session-token";

export const adminEnabled = (): boolean => env().ADMIN_PASSWORD !== undefined;

/** True when this request carries a valid merchant session. Admin actions call it first. */
export async function isAdmin(): Promise<boolean> {
  const password = env().ADMIN_PASSWORD;
  if (!password) return false;
  return isValidAdminToken((await cookies()).get(ADMIN_COOKIE)?.value, password);
}
