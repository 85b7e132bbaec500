// A report's life: created IN_PROGRESS, then, after the configured processing time on the
// movable clock, COMPLETED with a document or CANCELLED when there is nothing to report. Only the
// Sandbox Settlement Report has data in a sandbox; every other type ends CANCELLED.
import { SANDBOX_SETTLEMENT_REPORT, type ReportType } from "@storefront/amazon-pay/schemas/report";
import { newReportNumber, newSettlementId, uniqueId } from "../core/ids";
import type { ReportRecord } from "../model/after-sale-records";
import type { Emulator } from "../emulator";
import { settlementCsv, settlementRows } from "./settlement-document";

export const hasSandboxData = (reportType: ReportType): boolean => reportType === SANDBOX_SETTLEMENT_REPORT;

export interface NewReport {
  merchantId: string;
  reportType: ReportType;
  startTime: number;
  endTime: number;
  reportScheduleId: string | null;
}

/** Registers an IN_PROGRESS report and schedules the end of its processing. */
export function startReport(sb: Emulator, input: NewReport, at = sb.now()): ReportRecord {
  const report: ReportRecord = {
    ...input,
    reportId: uniqueId(newReportNumber, (id) => sb.store.reports.has(id)),
    createdAt: at,
    processingStatus: "IN_PROGRESS",
    processingStartedAt: at,
    processingEndedAt: null,
    reportDocumentId: null,
  };
  sb.store.reports.set(report.reportId, report);
  sb.scheduler.schedule(at + sb.config.reportProcessingMs, `finish report ${report.reportId}`, (doneAt) =>
    finishReport(sb, report, doneAt),
  );
  return report;
}

function finishReport(sb: Emulator, report: ReportRecord, at: number): void {
  if (report.processingStatus !== "IN_PROGRESS") return;
  report.processingEndedAt = at;
  const rows = hasSandboxData(report.reportType)
    ? settlementRows(sb, report.merchantId, report.startTime, report.endTime)
    : null;
  if (!rows || (rows.length === 0 && sb.config.emptySettlementReport === "CANCELLED")) {
    report.processingStatus = "CANCELLED";
    return;
  }
  const reportDocumentId = uniqueId(newReportNumber, (id) => sb.store.reportDocuments.has(id));
  const content = settlementCsv({
    sellerId: report.merchantId,
    settlementId: newSettlementId(),
    from: report.startTime,
    to: report.endTime,
    rows,
    orderOf: (chargePermissionId) => {
      const metadata = sb.store.chargePermissions.get(chargePermissionId)?.merchantMetadata;
      return {
        sellerOrderId: metadata?.merchantReferenceId ?? null,
        storeName: metadata?.merchantStoreName ?? null,
      };
    },
  });
  sb.store.reportDocuments.set(reportDocumentId, {
    reportDocumentId,
    merchantId: report.merchantId,
    reportId: report.reportId,
    content,
    contentType: "text/csv; charset=utf-8",
  });
  report.reportDocumentId = reportDocumentId;
  report.processingStatus = "COMPLETED";
}
