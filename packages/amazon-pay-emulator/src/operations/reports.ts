// Report operations: Get Reports (filtered, paged), Get Report By Id, Create Report, Get Report
// Document (a short-lived download URL served by the emulator).
import { parseAmzDate } from "@storefront/amazon-pay/signing";
import { invalidParameter, resourceNotFound } from "../core/api-error";
import { DAY } from "../core/clock";
import { presign } from "../core/presigned-urls";
import type { ReportRecord } from "../model/after-sale-records";
import { reportJson } from "../model/after-sale-serialize";
import { createReportSchema, reportQuerySchema, type ReportQueryInput } from "../schemas/after-sale-requests";
import { parseRequest } from "../schemas/parse";
import type { OpContext, OpResult } from "./context";
import { hasSandboxData, startReport } from "./report-processing";

/** Reports are kept 90 days (docs); Get Reports looks back that far by default. */
export const REPORT_RETENTION_DAYS = 90;
/** Amazon's settlement periods span at most 30 days. */
const MAX_SETTLEMENT_RANGE_DAYS = 30;

const timeOf = (text: string): number => parseAmzDate(text)?.getTime() ?? Number.NaN;

export function createReport(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(createReportSchema, raw);
  const startTime = timeOf(input.startTime);
  const endTime = timeOf(input.endTime);
  if (endTime <= startTime) throw invalidParameter("endTime", "must be after startTime");
  if (hasSandboxData(input.reportType) && endTime - startTime > MAX_SETTLEMENT_RANGE_DAYS * DAY)
    throw invalidParameter("endTime", `a settlement report spans at most ${MAX_SETTLEMENT_RANGE_DAYS} days`);
  if (!hasSandboxData(input.reportType) && sb.config.reportTypesWithoutData === "refused")
    throw invalidParameter("reportType", `${input.reportType} is not available in Sandbox`);
  const report = startReport(sb, {
    merchantId: ctx.merchant.merchantId,
    reportType: input.reportType,
    startTime,
    endTime,
    reportScheduleId: null,
  });
  return { status: 201, body: { reportId: report.reportId } };
}

function visibleReport(ctx: OpContext, id: string): ReportRecord {
  const report = ctx.sb.store.report(id, ctx.merchant.merchantId);
  if (report.createdAt < ctx.sb.now() - REPORT_RETENTION_DAYS * DAY) throw resourceNotFound("Report", id);
  return report;
}

export function getReportById(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: reportJson(visibleReport(ctx, id)) };
}

interface PageState {
  filters: Omit<ReportQueryInput, "nextToken">;
  offset: number;
}

function readToken(token: string): PageState {
  try {
    const state = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as PageState;
    if (typeof state.offset === "number" && state.filters && typeof state.filters === "object") return state;
  } catch {
    // an unreadable token is answered below
  }
  throw invalidParameter("nextToken", "it is not a token this API returned");
}

export function getReports(ctx: OpContext, query: URLSearchParams): OpResult {
  const { sb } = ctx;
  const input = parseRequest(reportQuerySchema, Object.fromEntries(query));
  const { filters, offset } = input.nextToken ? readToken(input.nextToken) : { filters: input, offset: 0 };
  const now = sb.now();
  const since = filters.createdSince ? timeOf(filters.createdSince) : now - REPORT_RETENTION_DAYS * DAY;
  const until = filters.createdUntil ? timeOf(filters.createdUntil) : now;
  const pageSize = filters.pageSize ?? 10;
  const matching = [...sb.store.reports.values()]
    .filter(
      (r) =>
        r.merchantId === ctx.merchant.merchantId &&
        r.createdAt >= Math.max(since, now - REPORT_RETENTION_DAYS * DAY) &&
        r.createdAt <= until &&
        (!filters.reportTypes || filters.reportTypes.includes(r.reportType)) &&
        (!filters.processingStatuses || filters.processingStatuses.includes(r.processingStatus)),
    )
    .sort((a, b) => b.createdAt - a.createdAt || b.reportId.localeCompare(a.reportId));
  const page = matching.slice(offset, offset + pageSize);
  const more = offset + pageSize < matching.length;
  const nextToken = more
    ? Buffer.from(JSON.stringify({ filters, offset: offset + pageSize } satisfies PageState)).toString(
        "base64url",
      )
    : undefined;
  return { status: 200, body: { reports: page.map(reportJson), ...(nextToken ? { nextToken } : {}) } };
}

export function getReportDocument(ctx: OpContext, id: string): OpResult {
  const { sb } = ctx;
  const document = sb.store.reportDocument(id, ctx.merchant.merchantId);
  const path = `/__emulator/report-documents/${encodeURIComponent(document.reportDocumentId)}`;
  return {
    status: 200,
    body: {
      reportDocumentId: document.reportDocumentId,
      url: `${sb.publicUrl}${presign(path, sb.now(), sb.config.reportDocumentUrlSeconds)}`,
      compressionAlgorithm: "N/A",
    },
  };
}
