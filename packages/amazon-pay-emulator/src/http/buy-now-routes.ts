// The JSON endpoints the Buy Now dialog of checkout.js calls (CORS, any origin).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
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
import type { Emulator } from "../emulator";
import { corsHeaders, parseJsonBody, sendError, sendJson, sendPreflight } from "./respond";
import { buyerCookie, signedInBuyerId } from "./buyer-cookie";

const BUY_NOW_PATH = /^\/checkout\/buy-now\/sessions(?:\/([^/]+)(?:\/(selection|cart|confirm|cancel))?)?$/;

export async function handleBuyNow(
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
      return sendJson(res, 201, { ...buyNowChoices(sb, s), signedInBuyerId: signedInBuyerId(req) }, headers);
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
