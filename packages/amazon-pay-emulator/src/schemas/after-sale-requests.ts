// Request bodies and queries of reports, report schedules, disputes and files. The bodies are
// the typed client's strict request schemas; Get Reports' query arrives as text and is read here.
import { z } from "zod";
import {
  contestDisputeRequestSchema,
  updateDisputeRequestSchema,
} from "@storefront/amazon-pay/schemas/dispute";
import { uploadFileRequestSchema } from "@storefront/amazon-pay/schemas/file";
import {
  createReportRequestSchema,
  createReportScheduleRequestSchema,
  PROCESSING_STATUSES,
  REPORT_TYPES,
  reportTimeSchema,
} from "@storefront/amazon-pay/schemas/report";

export const createReportSchema = createReportRequestSchema;
export const createReportScheduleSchema = createReportScheduleRequestSchema;
export const updateDisputeSchema = updateDisputeRequestSchema;
export const contestDisputeSchema = contestDisputeRequestSchema;
export const uploadFileSchema = uploadFileRequestSchema;

const commaList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

export const reportQuerySchema = z
  .strictObject({
    reportTypes: commaList(REPORT_TYPES).optional(),
    processingStatuses: commaList(PROCESSING_STATUSES).optional(),
    createdSince: reportTimeSchema.optional(),
    createdUntil: reportTimeSchema.optional(),
    pageSize: z
      .string()
      .regex(/^\d+$/, { error: "must be a whole number" })
      .transform(Number)
      .pipe(z.number().min(1).max(100))
      .optional(),
    nextToken: z.string().min(1).optional(),
  })
  .refine((query) => query.nextToken === undefined || Object.keys(query).length === 1, {
    path: ["nextToken"],
    error: "nextToken must be sent alone",
  });
export type ReportQueryInput = z.output<typeof reportQuerySchema>;

export const reportScheduleQuerySchema = z.strictObject({ reportTypes: commaList(REPORT_TYPES).optional() });
