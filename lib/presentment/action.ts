"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { formFields } from "@/lib/http/form-fields";
import { CURRENCY_COOKIE, parseCurrencyChoice } from "./choice";
import { currentCurrencyOffer } from "./server";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * The cart's "Pay in" form, a plain form (no client JavaScript): keeps the chosen currency in a
 * cookie and shows the cart again, repriced. A currency the shop does not offer is refused, and
 * the cart says why (the code is echoed only when it is three letters).
 */
export async function chooseCurrencyFormAction(form: FormData): Promise<never> {
  const fields = formFields(form, ["currency"]);
  const choice = parseCurrencyChoice(fields, currentCurrencyOffer());
  if (!choice.ok) {
    const typed = fields.currency?.trim() ?? "";
    const code = /^[A-Za-z]{3}$/.test(typed) ? typed.toUpperCase() : "invalid";
    redirect(`/cart?currency-refused=${code}`);
  }
  (await cookies()).set(CURRENCY_COOKIE, choice.rate.to, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().SHOP_URL.startsWith("https://"),
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  redirect("/cart");
}
