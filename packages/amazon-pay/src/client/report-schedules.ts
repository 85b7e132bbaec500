// Report schedule operations: list, get, create and cancel.
import { z } from "zod";
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import {
  canceledReportScheduleSchema,
  createdReportScheduleSchema,
  createReportScheduleRequestSchema,
  REPORT_TYPES,
  reportScheduleListSchema,
  reportScheduleSchema,
  type CreateReportScheduleBody,
  type ReportSchedule,
  type ReportScheduleList,
  type ReportType,
} from "../schemas/report";
import { segment, validated, type CallOperation, type Result } from "./operation";

export interface ReportScheduleOperations {
  list(reportTypes?: readonly ReportType[], options?: CallOptions): Result<ReportScheduleList>;
  get(reportScheduleId: string, options?: CallOptions): Result<ReportSchedule>;
  create(
    body: CreateReportScheduleBody,
    options?: IdempotentCallOptions,
  ): Result<{ reportScheduleId: string }>;
  cancel(reportScheduleId: string, options?: CallOptions): Result<Record<string, unknown>>;
}

const reportTypesSchema = z.array(z.enum(REPORT_TYPES));
const schedulePath = (operation: string, id: string) =>
  `/v2/report-schedules/${segment(operation, "reportScheduleId", id)}`;

export function reportScheduleOperations(call: CallOperation): ReportScheduleOperations {
  return {
    list: async (reportTypes = [], o) => {
      const types = validated("getReportSchedules", reportTypesSchema, reportTypes) as string[];
      const query = types.length ? `?reportTypes=${encodeURIComponent(types.join(","))}` : "";
      return call(
        {
          operation: "getReportSchedules",
          method: "GET",
          path: `/v2/report-schedules${query}`,
          response: reportScheduleListSchema,
        },
        o,
      );
    },
    get: async (id, o) =>
      call(
        {
          operation: "getReportScheduleById",
          method: "GET",
          path: schedulePath("getReportScheduleById", id),
          response: reportScheduleSchema,
        },
        o,
      ),
    create: (body, o) =>
      call(
        {
          operation: "createReportSchedule",
          method: "POST",
          path: "/v2/report-schedules",
          request: createReportScheduleRequestSchema,
          body,
          response: createdReportScheduleSchema,
        },
        o,
      ),
    cancel: async (id, o) =>
      call(
        {
          operation: "cancelReportSchedule",
          method: "DELETE",
          path: schedulePath("cancelReportSchedule", id),
          response: canceledReportScheduleSchema,
        },
        o,
      ),
  };
}
