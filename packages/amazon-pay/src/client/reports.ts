// Report operations: list, get, create, and the document (a short-lived download URL).
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import {
  createdReportSchema,
  createReportRequestSchema,
  reportDocumentSchema,
  reportListSchema,
  reportQuerySchema,
  reportSchema,
  type CreateReportBody,
  type Report,
  type ReportDocument,
  type ReportList,
  type ReportQuery,
} from "../schemas/report";
import { segment, validated, type CallOperation, type Result } from "./operation";

export interface ReportOperations {
  list(query?: ReportQuery, options?: CallOptions): Result<ReportList>;
  get(reportId: string, options?: CallOptions): Result<Report>;
  create(body: CreateReportBody, options?: IdempotentCallOptions): Result<{ reportId: string }>;
  getDocument(reportDocumentId: string, options?: CallOptions): Result<ReportDocument>;
}

/** Query string of Get Reports: lists comma-separated, as the official SDKs send them. */
export function reportQueryString(query: ReportQuery): string {
  const parsed = validated("getReports", reportQuerySchema, query) as ReportQuery;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  params.sort();
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function reportOperations(call: CallOperation): ReportOperations {
  return {
    list: async (query = {}, o) =>
      call(
        {
          operation: "getReports",
          method: "GET",
          path: `/v2/reports${reportQueryString(query)}`,
          response: reportListSchema,
        },
        o,
      ),
    get: async (id, o) =>
      call(
        {
          operation: "getReportById",
          method: "GET",
          path: `/v2/reports/${segment("getReportById", "reportId", id)}`,
          response: reportSchema,
        },
        o,
      ),
    create: (body, o) =>
      call(
        {
          operation: "createReport",
          method: "POST",
          path: "/v2/reports",
          request: createReportRequestSchema,
          body,
          response: createdReportSchema,
        },
        o,
      ),
    getDocument: async (id, o) =>
      call(
        {
          operation: "getReportDocument",
          method: "GET",
          path: `/v2/report-documents/${segment("getReportDocument", "reportDocumentId", id)}`,
          response: reportDocumentSchema,
        },
        o,
      ),
  };
}
