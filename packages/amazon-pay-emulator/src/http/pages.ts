// Browser-facing routes: checkout.js, the hosted checkout and sign-in pages, the processing step
// behind amazonPayRedirectUrl, and the JSON endpoints the Buy Now dialog calls (CORS, any origin).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "../emulator";
import { corsHeaders, sendJson, sendPreflight, sendText } from "./respond";
import { signedOutCookie } from "./buyer-cookie";
import { handleBuyNow } from "./buy-now-routes";
import { handleCheckoutRoute } from "./checkout-routes";
import { handleAccountRoute } from "./account-routes";
import { handleSignInRoute } from "./sign-in-routes";

const CHECKOUT_JS = readFileSync(path.join(import.meta.dirname, "../../public/checkout.js"), "utf8");

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
    sendJson(res, 200, { signedOut: true }, { ...corsHeaders(req), "set-cookie": signedOutCookie });
    return true;
  }
  return (
    handleCheckoutRoute(sb, req, res, pathname, query, body) ||
    handleAccountRoute(sb, req, res, pathname, query, body) ||
    handleSignInRoute(sb, req, res, pathname, query, body)
  );
}
