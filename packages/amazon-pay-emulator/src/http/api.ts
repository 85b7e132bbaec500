// The Amazon Pay API under /v2/... and /sandbox/v2/...: routing ("/x" and "/x/" alike),
// fault injection, signature verification, simulation codes, idempotency, latency, and errors as
// `{ reasonCode, message }` with x-amz-pay-request-id on every answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Region } from "@storefront/amazon-pay/environment";
import { ApiError } from "../core/api-error";
import { faultStatusBody } from "../core/faults";
import { isValidIdempotencyKey } from "@storefront/amazon-pay/idempotency";
import { canonicalJson, type SavedResponse } from "../core/idempotency";
import { parseSimulationCode } from "../core/simulation";
import { liveRefused, verifyRequest } from "../auth/verify-request";
import type { OpContext } from "../operations/context";
import { withoutNullMembers } from "../schemas/null-members";
import type { Emulator } from "../emulator";
import { matchRoute } from "./api-routes";
import { parseJsonBody, sendError, sendJsonText, sleep } from "./respond";

/** Optional region endpoint (/na, /eu, /jp), optional environment segment, version, path. */
export const API_PATH = /^\/(?:(na|eu|jp)\/)?(?:(sandbox|live)\/)?(v\d+)(\/.*)?$/;

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
    const [, endpointRegion, environment, version, rest] = prefix;
    if (environment === "live") throw liveRefused("/live/ paths are refused");
    if (version !== "v2")
      throw new ApiError(400, "InvalidAPIVersion", `API version ${version} is not supported; use v2.`);
    const path = (rest ?? "/").replace(/\/+$/, "") || "/";
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
      {
        method,
        rawPath,
        query,
        headers: req.headers,
        body,
        endpointRegion: (endpointRegion as Region | undefined) ?? null,
      },
      {
        merchant: (publicKeyId) => {
          const record = sb.merchants.get(publicKeyId);
          const key = sb.merchants.key(publicKeyId);
          return record && key ? { record, key } : undefined;
        },
        maxSkewSeconds: sb.config.maxClockSkewSeconds,
        signatureErrorStatus: sb.config.signatureErrorStatus,
        realNow: Date.now,
        wrongRegion: sb.config.wrongRegion,
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
        const result = r.handle(
          ctx,
          id,
          payload === undefined ? undefined : withoutNullMembers(payload),
          query,
        );
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
        parsed = withoutNullMembers(parseJsonBody(body));
      } catch {
        parsed = body.toString("utf8");
      }
      const scoped = {
        merchant: [merchant.merchantId],
        operation: [merchant.merchantId, r.operation],
        target: [merchant.merchantId, r.operation, id],
      }[sb.config.idempotencyScope];
      const scope = [...scoped, key].join("|");
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
