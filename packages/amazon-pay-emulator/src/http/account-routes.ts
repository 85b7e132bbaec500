// The buyer's account page for a Charge Permission, where another payment method can be chosen.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { findInstrument } from "../core/test-buyers";
import { changePaymentMethod } from "../operations/charge-permission-lifecycle";
import { accountPage } from "../pages/account-page";
import type { Emulator } from "../emulator";
import { parseFormBody, sendHtml } from "./respond";
import { showError } from "./error-page";

/** Handles the account page route; returns false when the path is not one. */
export function handleAccountRoute(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  const method = req.method ?? "GET";
  const account = /^\/jr\/your-account\/ba\/([^/]+)$/.exec(pathname);
  if (!account) return false;
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
