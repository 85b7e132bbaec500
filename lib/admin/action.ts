"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/action-result";
import { env } from "@/lib/env";
import { formFields } from "@/lib/http/form-fields";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS, issueAdminToken, safeEqual } from "./session-token";

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

export async function adminLoginAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const password = env().ADMIN_PASSWORD;
  if (!password) return failure("The merchant area is disabled: set ADMIN_PASSWORD on the server.");
  const input = loginInput.safeParse(formFields(form, ["password", "next"]));
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Enter the password.");
  if (!safeEqual(input.data.password, password)) {
    await new Promise((resolve) => setTimeout(resolve, 300)); // slows down guessing
    return failure("That password is not correct.");
  }
  (await cookies()).set(ADMIN_COOKIE, issueAdminToken(password), {
    httpOnly: true,
    sameSite: "strict",
    secure: env().SHOP_URL.startsWith("https://"),
    path: "/",
    maxAge: ADMIN_SESSION_SECONDS,
  });
  redirect(safeNext(input.data.next));
}

export async function adminLogoutAction(): Promise<never> {
  (await cookies()).delete(ADMIN_COOKIE);
  redirect("/admin/login");
}
