// The Amazon Pay API under /v2/... and /sandbox/v2/...: routing ("/x" and "/x/" alike),
// fault injection, signature verification, simulation codes, idempotency, latency, and errors as
// `{ reasonCode, message }` with x-amz-pay-request-id on every answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { faultStatusBody } from "../core/faults";
import { isValidIdempotencyKey } from "@storefront/amazon-pay/idempotency";
import { canonicalJson, type SavedResponse } from "../core/idempotency";
import { parseSimulationCode, type Operation } from "../core/simulation";
import { liveRefused, verifyRequest } from "../auth/verify-request";
import type { OpContext, OpResult } from "../operations/context";
import { getBuyer } from "../operations/buyers";
import { finalizeCheckoutSession } from "../operations/finalize-checkout-session";
import {
  closeChargePermission,
  getChargePermission,
  updateChargePermission,
} from "../operations/charge-permissions";
import {
  cancelChargeOperation,
  captureChargeOperation,
  createChargeOperation,
  getCharge,
} from "../operations/charges";
import {
  completeCheckoutSession,
  createCheckoutSession,
  getCheckoutSession,
  updateCheckoutSession,
} from "../operations/checkout-sessions";
import { createDeliveryTracker } from "../operations/delivery-trackers";
import { createRefundOperation, getRefund } from "../operations/refunds";
import type { Emulator } from "../emulator";
import { parseJsonBody, sendError, sendJsonText, sleep } from "./respond";

type Handler = (ctx: OpContext, id: string, body: unknown) => OpResult;

interface Route {
  method: string;
  pattern: RegExp;
  operation: Operation;
  idempotencyKey: "required" | "optional" | "ignored";
  handle: Handler;
}

const ID = "([^/]+)";
const route = (
  method: string,
  path: string,
  operation: Operation,
  idempotencyKey: Route["idempotencyKey"],
  handle: Handler,
): Route => ({
  method,
  pattern: new RegExp(`^${path.replace("{id}", ID)}$`),
  operation,
  idempotencyKey,
  handle,
});

const ROUTES: Route[] = [
  route("POST", "/checkoutSessions", "createCheckoutSession", "required", (ctx, _id, body) =>
    createCheckoutSession(ctx, body),
  ),
  route("GET", "/checkoutSessions/{id}", "getCheckoutSession", "ignored", (ctx, id) =>
    getCheckoutSession(ctx, id),
  ),
  route("PATCH", "/checkoutSessions/{id}", "updateCheckoutSession", "ignored", (ctx, id, body) =>
    updateCheckoutSession(ctx, id, body),
  ),
  route("POST", "/checkoutSessions/{id}/complete", "completeCheckoutSession", "optional", (ctx, id, body) =>
    completeCheckoutSession(ctx, id, body),
  ),
  route("POST", "/checkoutSessions/{id}/finalize", "finalizeCheckoutSession", "optional", (ctx, id, body) =>
    finalizeCheckoutSession(ctx, id, body),
  ),
  route("GET", "/chargePermissions/{id}", "getChargePermission", "ignored", (ctx, id) =>
    getChargePermission(ctx, id),
  ),
  route("PATCH", "/chargePermissions/{id}", "updateChargePermission", "ignored", (ctx, id, body) =>
    updateChargePermission(ctx, id, body),
  ),
  route("DELETE", "/chargePermissions/{id}/close", "closeChargePermission", "ignored", (ctx, id, body) =>
    closeChargePermission(ctx, id, body),
  ),
  route("POST", "/charges", "createCharge", "required", (ctx, _id, body) => createChargeOperation(ctx, body)),
  route("GET", "/charges/{id}", "getCharge", "ignored", (ctx, id) => getCharge(ctx, id)),
  route("POST", "/charges/{id}/capture", "captureCharge", "required", (ctx, id, body) =>
    captureChargeOperation(ctx, id, body),
  ),
  route("DELETE", "/charges/{id}/cancel", "cancelCharge", "ignored", (ctx, id, body) =>
    cancelChargeOperation(ctx, id, body),
  ),
  route("POST", "/refunds", "createRefund", "required", (ctx, _id, body) => createRefundOperation(ctx, body)),
  route("GET", "/refunds/{id}", "getRefund", "ignored", (ctx, id) => getRefund(ctx, id)),
  route("GET", "/buyers/{id}", "getBuyer", "ignored", (ctx, id) => getBuyer(ctx, id)),
  route("POST", "/deliveryTrackers", "createDeliveryTracker", "optional", (ctx, _id, body) =>
    createDeliveryTracker(ctx, body),
  ),
];

/** Real Amazon Pay APIs the emulator does not emulate. */
const NOT_EMULATED =
  /^\/(reports|report-documents|report-schedules|disbursements|authorizationTokens|merchantAccounts|disputes|files|in-store)(\/|$)|^\/charges\/[^/]+$/;

export const API_PATH = /^\/(?:(sandbox|live)\/)?(v\d+)(\/.*)?$/;

function matchRoute(method: string, path: string): { route: Route; id: string } {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    let id = m[1] ?? "";
    try {
      id = decodeURIComponent(id);
    } catch {
      throw new ApiError(
        400,
        "InvalidParameterValue",
        `The id in the path [${path}] is not validly encoded.`,
      );
    }
    return { route: r, id };
  }
  if (NOT_EMULATED.test(path))
    throw new ApiError(
      405,
      "UnsupportedOperation",
      `${method} ${path} is an Amazon Pay API the local emulator does not emulate.`,
    );
  if (pathMatched)
    throw new ApiError(405, "RequestNotSupported", `The HTTP method ${method} is not supported for ${path}.`);
  throw new ApiError(404, "ResourceNotFound", `There is no Amazon Pay API at ${path}.`);
}

const headerText = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

export async function handleApi(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  query: URLSearchParams,
  body: Buffer,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  let dropAfter = false;
  try {
    const prefix = API_PATH.exec(rawPath);
    if (!prefix) throw new ApiError(404, "ResourceNotFound", `There is no Amazon Pay API at ${rawPath}.`);
    if (prefix[1] === "live") throw liveRefused("/live/ paths are refused");
    if (prefix[2] !== "v2")
      throw new ApiError(400, "InvalidAPIVersion", `API version ${prefix[2]} is not supported; use v2.`);
    const path = (prefix[3] ?? "/").replace(/\/+$/, "") || "/";
    const { route: r, id } = matchRoute(method, path);
    const fault = sb.faults.takeApiFault(r.operation);
    if (fault?.fault === "dropBeforeProcessing") {
      req.socket.destroy();
      return;
    }
    if (fault?.fault === "status") {
      const { reasonCode, message } = faultStatusBody(fault.status);
      throw new ApiError(fault.status, reasonCode, message);
    }
    if (fault?.fault === "delay") await sleep(fault.delayMs);
    dropAfter = fault?.fault === "dropAfterProcessing";
    const merchant = verifyRequest(
      { method, rawPath, query, headers: req.headers, body },
      {
        merchant: (publicKeyId) => {
          const record = sb.merchants.get(publicKeyId);
          const key = sb.merchants.key(publicKeyId);
          return record && key ? { record, key } : undefined;
        },
        maxSkewSeconds: sb.config.maxClockSkewSeconds,
        signatureErrorStatus: sb.config.signatureErrorStatus,
        realNow: Date.now,
      },
    );
    const simulationCode = parseSimulationCode(r.operation, headerText(req, "x-amz-pay-simulation-code"));
    const ctx: OpContext = { sb, merchant, simulationCode };
    const process = async (): Promise<SavedResponse> => {
      try {
        const payload = method === "GET" ? undefined : parseJsonBody(body);
        if (
          payload !== undefined &&
          (payload === null || typeof payload !== "object" || Array.isArray(payload))
        ) {
          throw new ApiError(400, "InvalidRequestFormat", "The request body must be a JSON object.");
        }
        const result = r.handle(ctx, id, payload);
        return { status: result.status, body: JSON.stringify(result.body) };
      } catch (error) {
        if (error instanceof ApiError) return { status: error.status, body: JSON.stringify(error.toBody()) };
        throw error;
      }
    };
    const key =
      method === "POST" && r.idempotencyKey !== "ignored"
        ? headerText(req, "x-amz-pay-idempotency-key")
        : undefined;
    let response: SavedResponse;
    if (key === undefined) {
      if (method === "POST" && r.idempotencyKey === "required")
        throw new ApiError(
          400,
          "MissingHeader",
          "The request is missing the required header [x-amz-pay-idempotency-key].",
        );
      response = await process();
    } else {
      if (key.trim() === "")
        throw new ApiError(400, "MissingHeaderValue", "The header [x-amz-pay-idempotency-key] has no value.");
      if (!isValidIdempotencyKey(key)) {
        throw new ApiError(
          400,
          "InvalidHeaderValue",
          "The value provided for [x-amz-pay-idempotency-key] is invalid: at most 32 characters from A-Z, a-z, 0-9, '-' and '_'.",
        );
      }
      let parsed: unknown;
      try {
        parsed = parseJsonBody(body);
      } catch {
        parsed = body.toString("utf8");
      }
      const scope =
        sb.config.idempotencyScope === "operation"
          ? `${merchant.merchantId}|${r.operation}|${key}`
          : `${merchant.merchantId}|${key}`;
      const fingerprint = `${method} ${r.operation} ${id} ${simulationCode ?? ""} ${canonicalJson(parsed)}`;
      const saveClientErrors = sb.config.idempotencySavesClientErrors;
      ({ response } = await sb.idempotency.run(
        scope,
        fingerprint,
        process,
        (saved) => saved.status < 400 || (saveClientErrors && saved.status < 500 && saved.status !== 429),
      ));
    }
    if (sb.config.latencyMs > 0) await sleep(sb.config.latencyMs);
    if (dropAfter) {
      req.socket.destroy();
      return;
    }
    sendJsonText(res, response.status, response.body);
  } catch (error) {
    if (sb.config.latencyMs > 0) await sleep(sb.config.latencyMs);
    if (dropAfter) {
      req.socket.destroy();
      return;
    }
    if (error instanceof ApiError) {
      sendError(res, error);
      return;
    }
    sb.log(
      `[emulator] internal error on ${method} ${rawPath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendError(
      res,
      new ApiError(500, "InternalServerError", "The emulator hit an internal error; see its log."),
    );
  }
}
