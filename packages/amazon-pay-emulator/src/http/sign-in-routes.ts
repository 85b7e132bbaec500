// The Sign-in with Amazon pages: choose a buyer, or cancel back to the merchant.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { completeSignIn } from "../operations/hosted-checkout";
import { buyersOfMerchant, pageLanguage } from "../operations/merchant-account";
import { pageText } from "../pages/page-text";
import { signInPage } from "../pages/sign-in-page";
import type { Emulator } from "../emulator";
import { parseFormBody, redirect, sendHtml } from "./respond";
import { buyerCookie, signedInBuyerId } from "./buyer-cookie";
import { showError } from "./error-page";

/** Handles a sign-in route; returns false when the path is not one. */
export function handleSignInRoute(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  const method = req.method ?? "GET";
  if (pathname !== "/signin" && pathname !== "/signin/cancel") return false;
  const form = method === "POST" ? parseFormBody(body) : Object.fromEntries(query);
  const signIn = sb.store.signIns.get(form.signInId ?? "");
  if (!signIn) {
    showError(
      res,
      new ApiError(
        404,
        "ResourceNotFound",
        "This sign-in has expired or is unknown; click the merchant's sign-in button again.",
      ),
    );
    return true;
  }
  const page = (selected: string | null, problem: string | null) =>
    signInPage(
      signIn,
      selected,
      problem,
      buyersOfMerchant(sb, signIn.merchantId),
      pageText(pageLanguage(sb, signIn.merchantId, signIn.checkoutLanguage)),
    );
  if (pathname === "/signin/cancel") {
    sb.store.signIns.delete(signIn.signInId);
    redirect(res, signIn.signInCancelUrl ?? signIn.signInReturnUrl);
    return true;
  }
  if (method === "POST") {
    const outcome = completeSignIn(sb, signIn, form.buyerId ?? "");
    if (typeof outcome === "string") {
      res.setHeader("set-cookie", buyerCookie(form.buyerId ?? ""));
      redirect(res, outcome);
    } else sendHtml(res, 400, page(null, outcome.problem), "InvalidParameterValue");
    return true;
  }
  sendHtml(res, 200, page(signedInBuyerId(req), null));
  return true;
}
