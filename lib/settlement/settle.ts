import "server-only";
// Settling the latest report: find Amazon's newest completed settlement report, read its
// document (from the database when it was stored before, else downloaded), reconcile it against
// the orders and store the result under Amazon's report id.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import {
  parseSettlementReport,
  SettlementReportError,
  type SettlementReport,
} from "@storefront/amazon-pay/settlement-report";
import { env } from "@/lib/env";
import { loadShopRecords } from "./load-records";
import { reconcileReport } from "./reconcile-report";
import { downloadReportDocument, newestSettlementReport, SettlementSourceError } from "./report-source";
import type { Reconciliation } from "./result";
import { storedReport, storeReconciliation, type StoreOutcome } from "./stored-reports";

export type SettleOutcome =
  | { kind: "no-report"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "reconciled"; stored: StoreOutcome; reconciliation: Reconciliation };

export const NO_REPORT_MESSAGE =
  "Amazon Pay has no completed settlement report for this merchant yet (it keeps reports for 90 days).";

/** "2015-05-18T15:48:50-0000" (the document's header) as a Date, or null. */
function headerTime(text: string | null): Date | null {
  if (!text) return null;
  const time = new Date(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(time.getTime()) ? null : time;
}

function failureMessage(error: unknown): string | null {
  if (error instanceof AmazonPayError)
    return error.kind === "api"
      ? `Amazon Pay answered ${error.operation} with an error: ${error.message}`
      : `Amazon Pay did not answer ${error.operation}: ${error.message}`;
  if (error instanceof SettlementSourceError) return error.message;
  if (error instanceof SettlementReportError)
    return `The settlement document is unreadable: ${error.message}`;
  return null;
}

export async function settleLatestReport(): Promise<SettleOutcome> {
  try {
    const report = await newestSettlementReport();
    if (!report) return { kind: "no-report", message: NO_REPORT_MESSAGE };
    const document =
      (await storedReport(report.reportId))?.document ??
      (await downloadReportDocument(report.reportDocumentId));
    const parsed: SettlementReport = parseSettlementReport(document);
    const periodStart = report.startTime ?? headerTime(parsed.header.settlementStartDate);
    const periodEnd = report.endTime ?? headerTime(parsed.header.settlementEndDate);
    const expectedDays = env().SETTLEMENT_EXPECTED_DAYS;
    const records = await loadShopRecords({
      transactions: parsed.transactions,
      periodStart,
      periodEnd,
      expectedDays,
    });
    const reconciliation = reconcileReport(
      {
        reportId: report.reportId,
        settlementId: parsed.transactions.find((t) => t.settlementId)?.settlementId ?? null,
        periodStart,
        periodEnd,
        expectedDays,
        transactions: parsed.transactions,
      },
      records,
    );
    const stored = await storeReconciliation({
      reportId: report.reportId,
      reportType: report.reportType,
      reportDocumentId: report.reportDocumentId,
      reportCreatedAt: report.createdAt,
      document,
      reconciliation,
    });
    return { kind: "reconciled", stored, reconciliation };
  } catch (error) {
    const message = failureMessage(error);
    if (message === null) throw error;
    return { kind: "failed", message };
  }
}
