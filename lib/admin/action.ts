"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formFields } from "@/lib/http/form-fields";
import { clientAddress } from "@/lib/security/client-address";
import { signedAdminToken } from "./auth";
import { adminSessionKey } from "./session-key";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS, issueAdminToken, safeEqual } from "./session-token";
import { revokeAdminSession, startAdminSession } from "./sessions";
import { clearFailedSignIns, lockedOutUntil, recordFailedSignIn } from "./sign-in-throttle";

const loginInput = z.object({
  password: z.string({ error: "Enter the password." }).min(1, { error: "Enter the password." }).max(1000),
  next: z.string().nullable().optional(),
});

/** Only paths inside the merchant area; anything else (other hosts, //evil) goes to the list. */
function safeNext(next: string | null | undefined): string {
  return next && /^\/admin(\/[A-Za-z0-9_\-/]*)?$/.test(next) && next !== "/admin/login"
    ? next
    : "/admin/orders";
}

function lockedOut(until: Date): ActionResult {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return failure(
    `Too many failed sign-ins from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

export async function adminLoginAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const e = env();
  const password = e.ADMIN_PASSWORD;
  if (!password) return failure("The merchant area is disabled: set ADMIN_PASSWORD on the server.");
  const key = adminSessionKey(e);
  if (!key) return failure("The merchant area is closed: set ADMIN_SESSION_SECRET on the server.");
  const input = loginInput.safeParse(formFields(form, ["password", "next"]));
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Enter the password.");

  const prisma = db();
  const client = `ip:${clientAddress(await headers(), e.TRUSTED_PROXY_HOPS)}`;
  const locked = await lockedOutUntil(prisma, client);
  if (locked) return lockedOut(locked);
  if (!safeEqual(input.data.password, password)) {
    const lockedNow = await recordFailedSignIn(prisma, client, {
      maxFailures: e.ADMIN_SIGNIN_MAX_FAILURES,
      lockoutMs: e.ADMIN_SIGNIN_LOCKOUT_MINUTES * 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // slows down guessing
    return lockedNow ? lockedOut(lockedNow) : failure("That password is not correct.");
  }
  await clearFailedSignIns(prisma, client);
  const session = await startAdminSession(prisma);
  (await cookies()).set(ADMIN_COOKIE, issueAdminToken(key, session.sessionId, session.expires), {
    httpOnly: true,
    sameSite: "strict",
    secure: e.SHOP_URL.startsWith("https://"),
    path: "/",
    maxAge: ADMIN_SESSION_SECONDS,
  });
  redirect(safeNext(input.data.next));
}

/** Signs out: the session is revoked in the database, so the cookie is worthless even if copied. */
export async function adminLogoutAction(): Promise<never> {
  const token = await signedAdminToken();
  if (token) await revokeAdminSession(db(), token.sessionId);
  (await cookies()).delete(ADMIN_COOKIE);
  redirect("/admin/login");
}
