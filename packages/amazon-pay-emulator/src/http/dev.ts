// The developer and test endpoints under /__emulator: merchants, configuration, the clock, reset,
// state, IPN replay, fault injection, the SNS certificate and subscription URLs, the dashboard.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ApiError } from "../core/api-error";
import { faultRequestSchema } from "../core/faults";
import { merchantRegistrationSchema, merchantUpdateSchema, type MerchantRecord } from "../core/merchants";
import { disputeJson, reportJson, reportScheduleJson } from "../model/after-sale-serialize";
import { chargeJson, chargePermissionJson, refundJson } from "../model/serialize";
import { sessionJson } from "../operations/session-records";
import { dashboardPage } from "../pages/dashboard";
import { issueToApiError, parseRequest } from "../schemas/parse";
import type { Emulator } from "../emulator";
import {
  corsHeaders,
  parseJsonBody,
  sendError,
  sendHtml,
  sendJson,
  sendPreflight,
  sendText,
} from "./respond";

const clockSchema = z.union([
  z.strictObject({
    advanceSeconds: z
      .number()
      .nonnegative()
      .max(10 * 365 * 86_400),
  }),
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
]);

const resetSchema = z.strictObject({ merchants: z.boolean().optional() });

export function clockJson(sb: Emulator) {
  return {
    now: new Date(sb.now()).toISOString(),
    realNow: new Date().toISOString(),
    offsetMs: sb.clock.offset,
    scheduledEvents: sb.scheduler.size,
  };
}

const merchantJson = (m: MerchantRecord) => ({ ...m, environment: "Emulator" });

export function stateJson(sb: Emulator) {
  const { store } = sb;
  return {
    clock: clockJson(sb),
    merchants: sb.merchants.list().map(merchantJson),
    checkoutSessions: [...store.checkoutSessions.values()].map((s) => ({
      ...sessionJson(sb, s),
      emulator: {
        merchantId: s.merchantId,
        origin: s.origin,
        buyerChoice: s.choice,
        buyerRedirected: s.status.buyerRedirected,
        simulationCode: s.simulationCode,
        outcome: s.outcome,
      },
    })),
    chargePermissions: [...store.chargePermissions.values()].map((cp) => ({
      ...chargePermissionJson(cp),
      emulator: { merchantId: cp.merchantId, chargeIds: cp.chargeIds },
    })),
    charges: [...store.charges.values()].map((c) => ({
      ...chargeJson(c),
      emulator: { merchantId: c.merchantId, refundIds: c.refundIds },
    })),
    refunds: [...store.refunds.values()].map((r) => ({
      ...refundJson(r),
      emulator: { merchantId: r.merchantId },
    })),
    deliveryTrackers: store.deliveryTrackers,
    disputes: [...store.disputes.values()].map((d) => ({
      ...disputeJson(d),
      emulator: { merchantId: d.merchantId, chargePermissionId: d.chargePermissionId },
    })),
    reports: [...store.reports.values()].map((r) => ({
      ...reportJson(r),
      emulator: { merchantId: r.merchantId, reportScheduleId: r.reportScheduleId },
    })),
    reportSchedules: [...store.reportSchedules.values()].map((s) => ({
      ...reportScheduleJson(s),
      emulator: { merchantId: s.merchantId },
    })),
    files: [...store.files.values()].map((f) => ({
      id: f.fileId,
      type: f.type,
      size: f.content?.length ?? null,
      emulator: { merchantId: f.merchantId },
    })),
    ipns: sb.ipn.list(),
    faults: sb.faults.list(),
    pendingEvents: sb.scheduler
      .pending()
      .map((e) => ({ dueAt: new Date(e.dueAt).toISOString(), label: e.label })),
  };
}

/** Handles a /__emulator route; returns false when the path is not one. */
export function handleDev(
  sb: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
): boolean {
  if (pathname !== "/__emulator" && !pathname.startsWith("/__emulator/")) return false;
  const method = req.method ?? "GET";
  const headers = corsHeaders(req);
  if (method === "OPTIONS") return (sendPreflight(req, res), true);
  const json = (status: number, value: unknown) => sendJson(res, status, value, headers);
  const route = `${method} ${pathname.replace(/\/+$/, "") || "/"}`;
  try {
    const certPath = /^\/__emulator\/sns\/SimpleNotificationService-([0-9a-f]+)\.pem$/.exec(pathname);
    if (certPath && method === "GET") {
      if (certPath[1] !== sb.identity.certificateHash)
        throw new ApiError(404, "ResourceNotFound", "No such certificate.");
      sendText(res, 200, sb.identity.certificatePem, "application/x-pem-file", headers);
      return true;
    }
    const merchantPath = /^PATCH \/__emulator\/merchants\/([^/]+)$/.exec(route);
    if (merchantPath) {
      const patch = parseRequest(merchantUpdateSchema, parseJsonBody(body));
      const updated = sb.merchants.update(decodeURIComponent(merchantPath[1] ?? ""), patch);
      if (!updated)
        throw new ApiError(404, "ResourceNotFound", `No merchant key [${merchantPath[1]}] is registered.`);
      if (updated.ipnUrlChanged) sb.ipnUrlSet(updated.record);
      json(200, merchantJson(updated.record));
      return true;
    }
    const replayPath = /^POST \/__emulator\/ipn\/([^/]+)\/replay$/.exec(route);
    if (replayPath) {
      const record = sb.ipn.replay(decodeURIComponent(replayPath[1] ?? ""));
      if (!record) throw new ApiError(404, "ResourceNotFound", `No IPN [${replayPath[1]}] was sent.`);
      json(202, record);
      return true;
    }
    switch (route) {
      case "GET /__emulator":
        sendHtml(res, 200, dashboardPage(sb));
        return true;
      case "GET /__emulator/health":
        json(200, { ok: true, url: sb.publicUrl, now: new Date(sb.now()).toISOString() });
        return true;
      case "GET /__emulator/merchants":
        json(200, { merchants: sb.merchants.list().map(merchantJson) });
        return true;
      case "POST /__emulator/merchants": {
        const input = parseRequest(merchantRegistrationSchema, parseJsonBody(body));
        const { record, created, ipnUrlChanged } = sb.merchants.register(input);
        if (ipnUrlChanged) sb.ipnUrlSet(record);
        json(created ? 201 : 200, merchantJson(record));
        return true;
      }
      case "GET /__emulator/config":
        json(200, sb.config);
        return true;
      case "POST /__emulator/config":
      case "PATCH /__emulator/config": {
        const patch = parseJsonBody(body);
        try {
          json(200, sb.updateConfig(patch));
        } catch (error) {
          if (error instanceof z.ZodError) throw issueToApiError(error.issues, patch);
          throw error;
        }
        return true;
      }
      case "GET /__emulator/clock":
        json(200, clockJson(sb));
        return true;
      case "POST /__emulator/clock": {
        const input = parseRequest(clockSchema, parseJsonBody(body));
        // One reading of the clock: a second one, a few milliseconds later, would shorten the move.
        const now = sb.now();
        const target = "now" in input ? Date.parse(input.now) : now + input.advanceSeconds * 1000;
        if (target < now)
          throw new ApiError(
            400,
            "InvalidParameterValue",
            "The emulator clock only moves forward (POST /__emulator/reset sets it back to real time).",
          );
        sb.advanceClock(target - now);
        json(200, clockJson(sb));
        return true;
      }
      case "POST /__emulator/reset": {
        const input = parseRequest(resetSchema, parseJsonBody(body));
        sb.reset({ merchants: input.merchants === true });
        json(200, { reset: true, merchantsKept: input.merchants !== true });
        return true;
      }
      case "GET /__emulator/state":
        json(200, stateJson(sb));
        return true;
      case "GET /__emulator/ipn":
        json(200, { ipns: sb.ipn.list() });
        return true;
      case "GET /__emulator/api-calls": {
        const since = Number(query.get("since") ?? 0);
        if (!Number.isFinite(since))
          throw new ApiError(400, "InvalidParameterValue", "since must be epoch milliseconds.");
        json(200, { calls: sb.apiCalls.list(since) });
        return true;
      }
      case "DELETE /__emulator/api-calls":
        sb.apiCalls.clear();
        json(200, { calls: [] });
        return true;
      case "GET /__emulator/faults":
        json(200, { faults: sb.faults.list() });
        return true;
      case "POST /__emulator/faults": {
        const input = parseRequest(faultRequestSchema, parseJsonBody(body));
        json(201, { faults: sb.faults.add(Array.isArray(input) ? input : [input]) });
        return true;
      }
      case "DELETE /__emulator/faults":
        sb.faults.clear();
        json(200, { faults: [] });
        return true;
      case "GET /__emulator/sns/confirm": {
        const subscription = sb.ipn.subscriptions.get(query.get("Token") ?? "");
        if (!subscription) throw new ApiError(404, "ResourceNotFound", "Unknown subscription token.");
        subscription.confirmed = true;
        sendText(
          res,
          200,
          `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult><SubscriptionArn>${subscription.topicArn}:${subscription.merchantId}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
          "text/xml",
          headers,
        );
        return true;
      }
      case "GET /__emulator/sns/unsubscribe": {
        const arn = query.get("SubscriptionArn") ?? "";
        const merchantId = arn.split(":").pop() ?? "";
        const merchant = sb.merchants.byMerchantId(merchantId);
        if (!merchant) throw new ApiError(404, "ResourceNotFound", "Unknown subscription.");
        sb.merchants.update(merchant.publicKeyId, { ipnUrl: null });
        sendText(
          res,
          200,
          `<UnsubscribeResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ResponseMetadata><RequestId>${merchantId}</RequestId></ResponseMetadata></UnsubscribeResponse>`,
          "text/xml",
          headers,
        );
        return true;
      }
      default:
        throw new ApiError(
          404,
          "ResourceNotFound",
          `No emulator endpoint ${route}. See the emulator's README.md.`,
        );
    }
  } catch (error) {
    if (error instanceof ApiError) return (sendError(res, error, headers), true);
    throw error;
  }
}
