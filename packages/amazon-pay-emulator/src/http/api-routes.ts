// The API's routes: method, path, operation, whether it takes an idempotency key, and its
// handler; the APIs Amazon offers outside a web shop, answered 405 UnsupportedOperation; and the
// lookup that tells a missing path (404) from a wrong method (405 RequestNotSupported).
import { ApiError } from "../core/api-error";
import type { Operation } from "../core/simulation";
import { getBuyer } from "../operations/buyers";
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
import type { OpContext, OpResult } from "../operations/context";
import { createDeliveryTracker } from "../operations/delivery-trackers";
import { contestDispute, getDispute, updateDispute } from "../operations/disputes";
import { uploadFile } from "../operations/files";
import { finalizeCheckoutSession } from "../operations/finalize-checkout-session";
import { createRefundOperation, getRefund } from "../operations/refunds";
import {
  cancelReportSchedule,
  createReportSchedule,
  getReportScheduleById,
  getReportSchedules,
} from "../operations/report-schedules";
import { createReport, getReportById, getReportDocument, getReports } from "../operations/reports";

type Handler = (ctx: OpContext, id: string, body: unknown, query: URLSearchParams) => OpResult;

export interface Route {
  method: string;
  pattern: RegExp;
  operation: Operation;
  idempotencyKey: "required" | "optional" | "ignored";
  handle: Handler;
}

const route = (
  method: string,
  path: string,
  operation: Operation,
  idempotencyKey: Route["idempotencyKey"],
  handle: Handler,
): Route => ({
  method,
  pattern: new RegExp(`^${path.replace("{id}", "([^/]+)")}$`),
  operation,
  idempotencyKey,
  handle,
});

export const ROUTES: Route[] = [
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
  route("GET", "/reports", "getReports", "ignored", (ctx, _id, _body, query) => getReports(ctx, query)),
  route("POST", "/reports", "createReport", "required", (ctx, _id, body) => createReport(ctx, body)),
  route("GET", "/reports/{id}", "getReportById", "ignored", (ctx, id) => getReportById(ctx, id)),
  route("GET", "/report-documents/{id}", "getReportDocument", "ignored", (ctx, id) =>
    getReportDocument(ctx, id),
  ),
  route("GET", "/report-schedules", "getReportSchedules", "ignored", (ctx, _id, _body, query) =>
    getReportSchedules(ctx, query),
  ),
  route("POST", "/report-schedules", "createReportSchedule", "required", (ctx, _id, body) =>
    createReportSchedule(ctx, body),
  ),
  route("GET", "/report-schedules/{id}", "getReportScheduleById", "ignored", (ctx, id) =>
    getReportScheduleById(ctx, id),
  ),
  route("DELETE", "/report-schedules/{id}", "cancelReportSchedule", "ignored", (ctx, id) =>
    cancelReportSchedule(ctx, id),
  ),
  route("GET", "/disputes/{id}", "getDispute", "ignored", (ctx, id) => getDispute(ctx, id)),
  route("PATCH", "/disputes/{id}", "updateDispute", "ignored", (ctx, id, body) =>
    updateDispute(ctx, id, body),
  ),
  route("POST", "/disputes/{id}/contest", "contestDispute", "optional", (ctx, id, body) =>
    contestDispute(ctx, id, body),
  ),
  route("POST", "/files", "uploadFile", "required", (ctx, _id, body) => uploadFile(ctx, body)),
];

/** Amazon Pay APIs for other kinds of integration, which a web shop never calls. */
const NOT_EMULATED: [RegExp, string][] = [
  [/^\/in-store(\/|$)/, "in-store payments"],
  [
    /^\/(merchantAccounts|authorizationTokens)(\/|$)/,
    "solution providers (merchant onboarding, authorization tokens)",
  ],
  [/^\/charges\/[^/]+$/, "payment service providers (Update Charge)"],
  [/^\/disputes$/, "payment service providers (Create Dispute)"],
  [/^\/disbursements(\/|$)/, "disbursement listings"],
];

export function matchRoute(method: string, path: string): { route: Route; id: string } {
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
  const unsupported = NOT_EMULATED.find(([pattern]) => pattern.test(path));
  if (unsupported)
    throw new ApiError(
      405,
      "UnsupportedOperation",
      `${method} ${path} is an Amazon Pay API for ${unsupported[1]}, which the emulator does not emulate (see its README).`,
    );
  if (pathMatched)
    throw new ApiError(405, "RequestNotSupported", `The HTTP method ${method} is not supported for ${path}.`);
  throw new ApiError(404, "ResourceNotFound", `There is no Amazon Pay API at ${path}.`);
}
