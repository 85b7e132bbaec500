// Developer endpoints for chargebacks: open a dispute against any captured charge and decide it,
// as the buyer's bank and Amazon would. JSON for tests; the dashboard's forms post the same
// fields and are sent back to the dashboard.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { DISPUTE_FILING_REASONS } from "@storefront/amazon-pay/schemas/dispute";
import { isMoney, parsePrice } from "../core/amounts";
import { ApiError, invalidParameter } from "../core/api-error";
import { disputeJson } from "../model/after-sale-serialize";
import { openDispute, settleDispute } from "../operations/dispute-lifecycle";
import { parseRequest } from "../schemas/parse";
import type { Emulator } from "../emulator";
import { corsHeaders, parseFormBody, parseJsonBody, redirect, sendError, sendJson } from "./respond";

const openSchema = z.strictObject({
  chargeId: z.string().min(1),
  amount: z.union([z.string().min(1), z.number()]).optional(),
  filingReason: z.enum(DISPUTE_FILING_REASONS).optional(),
});

const settleSchema = z.strictObject({ outcome: z.enum(["won", "lost", "moreEvidence"]) });

const isForm = (req: IncomingMessage) =>
  (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");

function input(req: IncomingMessage, body: Buffer): unknown {
  if (!isForm(req)) return parseJsonBody(body);
  return Object.fromEntries(Object.entries(parseFormBody(body)).filter(([, value]) => value !== ""));
}

/** Handles /__emulator/disputes routes; returns false when the path is not one. */
export function handleDisputeRoute(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  body: Buffer,
): boolean {
  const method = req.method ?? "GET";
  const settlePath = /^\/__emulator\/disputes\/([^/]+)\/settle$/.exec(pathname);
  if (method !== "POST" || (pathname !== "/__emulator/disputes" && !settlePath)) return false;
  const headers = corsHeaders(req);
  try {
    if (settlePath) {
      const id = settlePath[1] ?? "";
      const dispute = sb.store.disputes.get(id);
      if (!dispute) throw new ApiError(404, "ResourceNotFound", `No Dispute [${id}].`);
      settleDispute(sb, dispute, parseRequest(settleSchema, input(req, body)).outcome);
      if (isForm(req)) redirect(res, "/__emulator#disputes");
      else sendJson(res, 200, disputeJson(dispute), headers);
      return true;
    }
    const request = parseRequest(openSchema, input(req, body));
    const charge = sb.store.charges.get(request.chargeId);
    let amount;
    if (request.amount !== undefined && charge) {
      const parsed = parsePrice({ amount: request.amount, currencyCode: charge.chargeAmount.currency });
      if (!isMoney(parsed)) throw invalidParameter("amount", parsed.detail);
      amount = parsed;
    }
    const dispute = openDispute(sb, {
      chargeId: request.chargeId,
      amount,
      filingReason: request.filingReason,
    });
    if (isForm(req)) redirect(res, "/__emulator#disputes");
    else
      sendJson(res, 201, { ...disputeJson(dispute), emulator: { merchantId: dispute.merchantId } }, headers);
    return true;
  } catch (error) {
    if (error instanceof ApiError) return (sendError(res, error, headers), true);
    throw error;
  }
}
