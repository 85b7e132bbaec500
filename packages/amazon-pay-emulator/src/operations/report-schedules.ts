// Report schedule operations: Get Report Schedules, Get Report Schedule By Id, Create Report
// Schedule (one per report type; deleteExistingSchedule replaces it) and Cancel Report Schedule.
// A schedule creates a report covering the last period at each creation time, on the movable clock.
import { parseAmzDate } from "@storefront/amazon-pay/signing";
import type { ScheduleFrequency } from "@storefront/amazon-pay/schemas/report";
import { invalidParameter } from "../core/api-error";
import { newReportNumber, uniqueId } from "../core/ids";
import type { ReportScheduleRecord } from "../model/after-sale-records";
import { reportScheduleJson } from "../model/after-sale-serialize";
import { createReportScheduleSchema, reportScheduleQuerySchema } from "../schemas/after-sale-requests";
import { parseRequest } from "../schemas/parse";
import type { Emulator } from "../emulator";
import type { OpContext, OpResult } from "./context";
import { startReport } from "./report-processing";

/** Milliseconds of an ISO 8601 duration of days, hours or minutes (P3D, PT84H, PT15M). */
export function frequencyMs(frequency: ScheduleFrequency): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(frequency);
  if (!m) throw new RangeError(`unsupported schedule frequency ${frequency}`);
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function arm(sb: Emulator, schedule: ReportScheduleRecord): void {
  schedule.eventId = sb.scheduler.schedule(
    schedule.nextReportCreationTime,
    `report schedule ${schedule.reportScheduleId}`,
    (at) => {
      const period = frequencyMs(schedule.scheduleFrequency);
      startReport(
        sb,
        {
          merchantId: schedule.merchantId,
          reportType: schedule.reportType,
          startTime: at - period,
          endTime: at,
          reportScheduleId: schedule.reportScheduleId,
        },
        at,
      );
      schedule.nextReportCreationTime = at + period;
      arm(sb, schedule);
    },
  );
}

function cancel(sb: Emulator, schedule: ReportScheduleRecord): void {
  sb.scheduler.cancel(schedule.eventId);
  sb.store.reportSchedules.delete(schedule.reportScheduleId);
}

export function createReportSchedule(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(createReportScheduleSchema, raw);
  const existing = [...sb.store.reportSchedules.values()].find(
    (s) => s.merchantId === ctx.merchant.merchantId && s.reportType === input.reportType,
  );
  if (existing && input.deleteExistingSchedule !== true)
    throw invalidParameter(
      "deleteExistingSchedule",
      `a schedule for ${input.reportType} already exists (${existing.reportScheduleId}); send true to replace it`,
    );
  if (existing) cancel(sb, existing);
  const period = frequencyMs(input.scheduleFrequency);
  const now = sb.now();
  let next = input.nextReportCreationTime
    ? (parseAmzDate(input.nextReportCreationTime)?.getTime() ?? now)
    : now + period;
  // A creation time in the past moves to its next occurrence instead of creating every missed report.
  if (next < now) next += Math.ceil((now - next) / period) * period;
  const schedule: ReportScheduleRecord = {
    reportScheduleId: uniqueId(newReportNumber, (id) => sb.store.reportSchedules.has(id)),
    merchantId: ctx.merchant.merchantId,
    reportType: input.reportType,
    scheduleFrequency: input.scheduleFrequency,
    nextReportCreationTime: next,
    eventId: null,
  };
  sb.store.reportSchedules.set(schedule.reportScheduleId, schedule);
  arm(sb, schedule);
  return { status: 201, body: { reportScheduleId: schedule.reportScheduleId } };
}

export function getReportSchedules(ctx: OpContext, query: URLSearchParams): OpResult {
  const input = parseRequest(reportScheduleQuerySchema, Object.fromEntries(query));
  const schedules = [...ctx.sb.store.reportSchedules.values()].filter(
    (s) =>
      s.merchantId === ctx.merchant.merchantId &&
      (!input.reportTypes || input.reportTypes.includes(s.reportType)),
  );
  return { status: 200, body: { reportSchedules: schedules.map(reportScheduleJson) } };
}

export function getReportScheduleById(ctx: OpContext, id: string): OpResult {
  return { status: 200, body: reportScheduleJson(ctx.sb.store.reportSchedule(id, ctx.merchant.merchantId)) };
}

export function cancelReportSchedule(ctx: OpContext, id: string): OpResult {
  cancel(ctx.sb, ctx.sb.store.reportSchedule(id, ctx.merchant.merchantId));
  return { status: 200, body: {} };
}
