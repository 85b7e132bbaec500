// The hosted checkout pages: the button's form post, the page where the buyer chooses address and
// payment method, cancel, and the processing step behind amazonPayRedirectUrl.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { findBuyer } from "../core/test-buyers";
import type { CheckoutSessionRecord } from "../model/records";
import { processCheckout } from "../operations/checkout-sessions";
import { buyersOfMerchant, pageLanguage } from "../operations/merchant-account";
import { pageText } from "../pages/page-text";
import {
  afterChoiceUrl,
  buttonFormSchema,
  cancelByBuyer,
  chooseDetails,
  startFromButton,
  withSessionId,
} from "../operations/hosted-checkout";
import { checkoutPage } from "../pages/checkout-page";
import { issueToApiError } from "../schemas/parse";
import type { Emulator } from "../emulator";
import { parseFormBody, redirect, sendHtml } from "./respond";
import { buyerCookie, signedInBuyerId } from "./buyer-cookie";
import { showError } from "./error-page";

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
  const buyerId = form.buyerId ?? s.choice?.buyerId ?? signedInBuyerId(req);
  sendHtml(
    res,
    options.status ?? 200,
    checkoutPage({
      session: s,
      buyerId: buyerId && findBuyer(buyerId) ? buyerId : null,
      buyers: buyersOfMerchant(sb, s.merchantId),
      text: pageText(pageLanguage(sb, s.merchantId, s.checkoutLanguage)),
      addressId: form.addressId ?? s.choice?.addressId ?? null,
      instrumentId: form.paymentMethodId ?? s.choice?.instrumentId ?? null,
      changeAction,
      problem: options.problem ?? null,
    }),
    options.problem ? "InvalidParameterValue" : undefined,
  );
}

/** Handles a hosted checkout route; returns false when the path is not one. */
export function handleCheckoutRoute(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  const method = req.method ?? "GET";
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
  return false;
}
