// Browser-facing routes: checkout.js, the hosted checkout and sign-in pages, the processing step
// behind amazonPayRedirectUrl, and the JSON endpoints the Buy Now dialog calls (CORS, any origin).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { findBuyer, findInstrument } from "../core/test-buyers";
import type { CheckoutSessionRecord } from "../model/records";
import {
  buyNowChoices,
  buyNowSession,
  buyNowStatus,
  cancelBuyNow,
  confirmBuyNow,
  selectBuyNow,
} from "../operations/buy-now";
import { setBuyNowCart } from "../operations/buy-now-cart";
import { startBuyNow } from "../operations/buy-now-start";
import { processCheckout } from "../operations/checkout-sessions";
import { changePaymentMethod } from "../operations/lifecycle";
import {
  afterChoiceUrl,
  buttonFormSchema,
  cancelByBuyer,
  chooseDetails,
  completeSignIn,
  startFromButton,
  withSessionId,
} from "../operations/hosted-checkout";
import { accountPage } from "../pages/account-page";
import { checkoutPage } from "../pages/checkout-page";
import { errorPage } from "../pages/html";
import { signInPage } from "../pages/sign-in-page";
import { issueToApiError } from "../schemas/parse";
import type { Emulator } from "../emulator";
import {
  corsHeaders,
  parseFormBody,
  parseJsonBody,
  redirect,
  sendError,
  sendHtml,
  sendJson,
  sendPreflight,
  sendText,
} from "./respond";

const CHECKOUT_JS = readFileSync(path.join(import.meta.dirname, "../../public/checkout.js"), "utf8");
const BUYER_COOKIE = "amazon_pay_emulator_buyer";

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

const buyerCookie = (buyerId: string) =>
  `${BUYER_COOKIE}=${encodeURIComponent(buyerId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;

function showError(res: ServerResponse, error: ApiError, title = "Amazon Pay could not continue"): void {
  sendHtml(res, error.status, errorPage(title, error.reasonCode, error.message), error.reasonCode);
}

function sessionFor(sb: Emulator, res: ServerResponse, id: string | null): CheckoutSessionRecord | null {
  const s = id ? sb.store.checkoutSessions.get(id) : undefined;
  if (!s) {
    showError(res, new ApiError(404, "ResourceNotFound", `No Checkout Session with id [${id ?? ""}].`));
    return null;
  }
  return s;
}

function renderCheckout(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  s: CheckoutSessionRecord,
  options: {
    status?: number;
    problem?: string | null;
    changeAction?: string | null;
    form?: Record<string, string>;
  },
): void {
  if (s.status.state !== "Open" || s.status.buyerRedirected) {
    const finished =
      s.status.state === "Open"
        ? "was already processed"
        : `is ${s.status.state}${s.status.reasonCode ? ` (${s.status.reasonCode})` : ""}`;
    showError(
      res,
      new ApiError(
        422,
        "InvalidCheckoutSessionStatus",
        `This checkout ${finished}; the buyer can no longer change it.`,
      ),
      "This checkout can no longer be changed",
    );
    return;
  }
  const changeAction =
    options.changeAction === "changeAddress" || options.changeAction === "changePayment"
      ? options.changeAction
      : null;
  const form = options.form ?? {};
  const buyerId = form.buyerId ?? s.choice?.buyerId ?? cookie(req, BUYER_COOKIE);
  sendHtml(
    res,
    options.status ?? 200,
    checkoutPage({
      session: s,
      buyerId: buyerId && findBuyer(buyerId) ? buyerId : null,
      addressId: form.addressId ?? s.choice?.addressId ?? null,
      instrumentId: form.paymentMethodId ?? s.choice?.instrumentId ?? null,
      changeAction,
      problem: options.problem ?? null,
    }),
    options.problem ? "InvalidParameterValue" : undefined,
  );
}

/** Handles a browser route; returns false when the path is not one. */
export async function handlePage(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): Promise<boolean> {
  const method = req.method ?? "GET";
  if (pathname === "/checkout.js") {
    if (method === "OPTIONS") sendPreflight(req, res);
    else
      sendText(res, 200, CHECKOUT_JS, "application/javascript; charset=utf-8", {
        ...corsHeaders(req),
        "cache-control": "no-cache",
      });
    return true;
  }
  if (pathname.startsWith("/checkout/buy-now/")) {
    await handleBuyNow(sb, req, res, pathname, body);
    return true;
  }
  if (pathname === "/checkout/signout") {
    if (method === "OPTIONS") return (sendPreflight(req, res), true);
    sendJson(
      res,
      200,
      { signedOut: true },
      { ...corsHeaders(req), "set-cookie": `${BUYER_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` },
    );
    return true;
  }
  if (pathname === "/checkout/start" && method === "POST") {
    const form = buttonFormSchema.safeParse(parseFormBody(body));
    if (!form.success) {
      showError(res, issueToApiError(form.error.issues, {}));
      return true;
    }
    try {
      const started = startFromButton(sb, form.data);
      redirect(
        res,
        started.kind === "checkout"
          ? `/checkout?amazonCheckoutSessionId=${encodeURIComponent(started.session.checkoutSessionId)}`
          : `/signin?signInId=${encodeURIComponent(started.signIn.signInId)}`,
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      showError(
        res,
        error,
        error.reasonCode === "InvalidRequestSignature"
          ? "Invalid signature"
          : "Amazon Pay could not start the checkout",
      );
    }
    return true;
  }
  if (pathname === "/checkout" && method === "GET") {
    const s = sessionFor(sb, res, query.get("amazonCheckoutSessionId"));
    if (s) renderCheckout(sb, req, res, s, { changeAction: query.get("changeAction") });
    return true;
  }
  if (pathname === "/checkout" && method === "POST") {
    const form = parseFormBody(body);
    const s = sessionFor(sb, res, form.amazonCheckoutSessionId ?? null);
    if (!s) return true;
    if (s.status.state !== "Open" || s.status.buyerRedirected)
      return (renderCheckout(sb, req, res, s, {}), true);
    const problem = chooseDetails(sb, s, {
      buyerId: form.buyerId ?? "",
      addressId: form.addressId,
      instrumentId: form.paymentMethodId ?? "",
    });
    if (problem) {
      renderCheckout(sb, req, res, s, {
        status: 400,
        problem,
        changeAction: form.changeAction ?? null,
        form,
      });
      return true;
    }
    res.setHeader("set-cookie", buyerCookie(s.choice?.buyerId ?? ""));
    redirect(res, afterChoiceUrl(sb, s));
    return true;
  }
  if (pathname === "/checkout/cancel" && method === "GET") {
    const s = sessionFor(sb, res, query.get("amazonCheckoutSessionId"));
    if (s) redirect(res, cancelByBuyer(sb, s));
    return true;
  }
  if (pathname === "/checkout/processing" && method === "GET") {
    const s = sessionFor(sb, res, query.get("amazonCheckoutSessionId"));
    if (!s) return true;
    const problem = processCheckout(sb, s);
    if (problem) {
      showError(
        res,
        new ApiError(422, "InvalidCheckoutSessionStatus", problem),
        "This checkout is not ready",
      );
      return true;
    }
    const result = s.webCheckoutDetails.checkoutResultReturnUrl;
    if (!result) {
      showError(
        res,
        new ApiError(
          422,
          "InvalidCheckoutSessionStatus",
          "The Checkout Session has no checkoutResultReturnUrl.",
        ),
        "This checkout is not ready",
      );
      return true;
    }
    redirect(res, withSessionId(result, s.checkoutSessionId));
    return true;
  }
  const account = /^\/jr\/your-account\/ba\/([^/]+)$/.exec(pathname);
  if (account) {
    const cp = sb.store.chargePermissions.get(account[1] ?? "");
    if (!cp) {
      showError(res, new ApiError(404, "ResourceNotFound", `No Charge Permission [${account[1] ?? ""}].`));
      return true;
    }
    if (method === "POST" && cp.status.state !== "Closed") {
      const instrumentId = parseFormBody(body).paymentMethodId ?? "";
      if (!findInstrument(instrumentId)) {
        sendHtml(res, 400, accountPage(cp, "Choose one of the payment methods."), "InvalidParameterValue");
        return true;
      }
      changePaymentMethod(sb, cp, instrumentId);
      sendHtml(res, 200, accountPage(cp, "Your payment method was updated."));
      return true;
    }
    sendHtml(res, 200, accountPage(cp, null));
    return true;
  }
  if (pathname === "/signin" || pathname === "/signin/cancel") {
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
      } else sendHtml(res, 400, signInPage(signIn, null, outcome.problem), "InvalidParameterValue");
      return true;
    }
    sendHtml(res, 200, signInPage(signIn, cookie(req, BUYER_COOKIE), null));
    return true;
  }
  return false;
}

const BUY_NOW_PATH = /^\/checkout\/buy-now\/sessions(?:\/([^/]+)(?:\/(selection|cart|confirm|cancel))?)?$/;

async function handleBuyNow(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  body: Buffer,
): Promise<void> {
  const headers = corsHeaders(req);
  const method = req.method ?? "GET";
  if (method === "OPTIONS") return sendPreflight(req, res);
  try {
    const match = BUY_NOW_PATH.exec(pathname);
    if (!match) throw new ApiError(404, "ResourceNotFound", `No Buy Now endpoint at ${pathname}.`);
    const [, id, action] = match;
    if (!id) {
      if (method !== "POST")
        throw new ApiError(405, "RequestNotSupported", "Use POST to start a Buy Now checkout.");
      const s = startBuyNow(sb, parseJsonBody(body));
      return sendJson(res, 201, { ...buyNowChoices(s), signedInBuyerId: cookie(req, BUYER_COOKIE) }, headers);
    }
    const s = buyNowSession(sb, decodeURIComponent(id));
    if (!action) {
      if (method !== "GET")
        throw new ApiError(405, "RequestNotSupported", "Use GET to read a Buy Now checkout's status.");
      return sendJson(res, 200, buyNowStatus(s), headers);
    }
    if (method !== "POST") throw new ApiError(405, "RequestNotSupported", `Use POST for ${action}.`);
    const input = parseJsonBody(body);
    switch (action) {
      case "selection":
        return sendJson(res, 200, selectBuyNow(sb, s, input), headers);
      case "cart":
        return sendJson(res, 200, { cartDetails: setBuyNowCart(sb, s, input) }, headers);
      case "confirm": {
        const event = confirmBuyNow(sb, s);
        const buyerId = s.choice?.buyerId;
        return sendJson(
          res,
          200,
          event,
          buyerId ? { ...headers, "set-cookie": buyerCookie(buyerId) } : headers,
        );
      }
      default:
        cancelBuyNow(sb, s);
        return sendJson(res, 200, buyNowStatus(s), headers);
    }
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error, headers);
    throw error;
  }
}
