// Reports and report schedules: the Report, Report Document and Report Schedule objects, the
// list answers, and the Create Report / Create Report Schedule bodies. Only the Sandbox
// Settlement Report has data in Amazon's sandbox; every other type is for live accounts.
import { z } from "zod";
import { parseAmzDate } from "../signing/amz-date";
import { amazonTimestamp, isOneOf, nullable, openEnum } from "./lenient";

export const REPORT_TYPES = [
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_",
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const isReportType = isOneOf(REPORT_TYPES);
export const SANDBOX_SETTLEMENT_REPORT: ReportType =
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";

export const PROCESSING_STATUSES = ["IN_PROGRESS", "COMPLETED", "FAILED", "CANCELLED"] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];
export const isProcessingStatus = isOneOf(PROCESSING_STATUSES);

/** ISO 8601 durations a schedule may repeat at. */
export const SCHEDULE_FREQUENCIES = [
  "PT5M",
  "PT15M",
  "PT30M",
  "PT1H",
  "PT2H",
  "PT4H",
  "PT8H",
  "PT12H",
  "PT24H",
  "PT84H",
  "P1D",
  "P2D",
  "P3D",
  "P7D",
  "P14D",
  "P15D",
  "P18D",
  "P30D",
] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

export const reportSchema = z.looseObject({
  reportId: z.string().min(1),
  reportType: nullable(openEnum(REPORT_TYPES)),
  startTime: nullable(amazonTimestamp),
  endTime: nullable(amazonTimestamp),
  createdTime: nullable(amazonTimestamp),
  processingStatus: openEnum(PROCESSING_STATUSES),
  processingStartTime: nullable(amazonTimestamp),
  processingEndTime: nullable(amazonTimestamp),
  reportDocumentId: nullable(z.string()),
});
export type Report = z.output<typeof reportSchema>;

export const reportListSchema = z.looseObject({
  reports: z.array(reportSchema),
  /** Present when more reports match than pageSize; pass it alone to get the next page. */
  nextToken: nullable(z.string()),
});
export type ReportList = z.output<typeof reportListSchema>;

export const reportDocumentSchema = z.looseObject({
  reportDocumentId: z.string().min(1),
  /** Short-lived download URL (Amazon documents 30 seconds). */
  url: z.string().min(1),
  compressionAlgorithm: nullable(z.string()),
});
export type ReportDocument = z.output<typeof reportDocumentSchema>;

export const reportScheduleSchema = z.looseObject({
  reportScheduleId: z.string().min(1),
  reportType: nullable(openEnum(REPORT_TYPES)),
  scheduleFrequency: nullable(openEnum(SCHEDULE_FREQUENCIES)),
  nextReportCreationTime: nullable(amazonTimestamp),
});
export type ReportSchedule = z.output<typeof reportScheduleSchema>;

export const reportScheduleListSchema = z.looseObject({ reportSchedules: z.array(reportScheduleSchema) });
export type ReportScheduleList = z.output<typeof reportScheduleListSchema>;

export const createdReportSchema = z.looseObject({ reportId: z.string().min(1) });
export const createdReportScheduleSchema = z.looseObject({ reportScheduleId: z.string().min(1) });
/** Cancel Report Schedule answers an empty object. */
export const canceledReportScheduleSchema = z.looseObject({});

/** A time in a request: basic (20230618T150630Z) or extended (2023-06-18T15:06:30Z) ISO 8601 UTC. */
export const reportTimeSchema = z
  .string()
  .refine((text) => parseAmzDate(text) !== null, { error: "must be a UTC time such as 20230618T150630Z" });

export const createReportRequestSchema = z.strictObject({
  reportType: z.enum(REPORT_TYPES),
  startTime: reportTimeSchema,
  endTime: reportTimeSchema,
});
export type CreateReportBody = z.input<typeof createReportRequestSchema>;

export const createReportScheduleRequestSchema = z.strictObject({
  reportType: z.enum(REPORT_TYPES),
  scheduleFrequency: z.enum(SCHEDULE_FREQUENCIES),
  nextReportCreationTime: reportTimeSchema.optional(),
  /** true replaces an existing schedule of the same type; otherwise one is refused. */
  deleteExistingSchedule: z.boolean().optional(),
});
export type CreateReportScheduleBody = z.input<typeof createReportScheduleRequestSchema>;

/** Get Reports filters; `nextToken` must be sent alone. */
export const reportQuerySchema = z
  .strictObject({
    reportTypes: z.array(z.enum(REPORT_TYPES)).min(1).optional(),
    processingStatuses: z.array(z.enum(PROCESSING_STATUSES)).min(1).optional(),
    createdSince: reportTimeSchema.optional(),
    createdUntil: reportTimeSchema.optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
    nextToken: z.string().min(1).optional(),
  })
  .refine((query) => query.nextToken === undefined || Object.keys(query).length === 1, {
    path: ["nextToken"],
    error: "nextToken must be the only filter",
  });
export type ReportQuery = z.input<typeof reportQuerySchema>;
