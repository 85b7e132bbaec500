import "server-only";
// Settlement reports in the database, one row per Amazon report id. The document is written
// once; the reconciliation is rewritten only when it changed, so running it again changes nothing.
import { db } from "@/lib/db";
import type { SettlementReport } from "@/lib/prisma/types";
import { reconciliationSchema, type Reconciliation } from "./result";
import { isUniqueViolation } from "@/lib/prisma/errors";

export interface ReportToStore {
  reportId: string;
  reportType: string;
  reportDocumentId: string;
  reportCreatedAt: Date | null;
  document: string;
  reconciliation: Reconciliation;
}

export type StoreOutcome = "created" | "updated" | "unchanged";

export function storedReport(reportId: string): Promise<SettlementReport | null> {
  return db().settlementReport.findUnique({ where: { id: reportId } });
}

async function updateResult(report: ReportToStore, result: string): Promise<StoreOutcome> {
  const changed = await db().settlementReport.updateMany({
    where: { id: report.reportId, result: { not: result } },
    data: {
      result,
      lineCount: report.reconciliation.lines.length,
      mismatchCount: report.reconciliation.mismatches.length,
      reconciledAt: new Date(),
    },
  });
  return changed.count > 0 ? "updated" : "unchanged";
}

export async function storeReconciliation(report: ReportToStore): Promise<StoreOutcome> {
  const result = JSON.stringify(report.reconciliation);
  if (await storedReport(report.reportId)) return updateResult(report, result);
  const { reconciliation } = report;
  try {
    await db().settlementReport.create({
      data: {
        id: report.reportId,
        reportType: report.reportType,
        reportDocumentId: report.reportDocumentId,
        settlementId: reconciliation.settlementId,
        periodStart: reconciliation.periodStart ? new Date(reconciliation.periodStart) : null,
        periodEnd: reconciliation.periodEnd ? new Date(reconciliation.periodEnd) : null,
        reportCreatedAt: report.reportCreatedAt,
        document: report.document,
        result,
        lineCount: reconciliation.lines.length,
        mismatchCount: reconciliation.mismatches.length,
        reconciledAt: new Date(),
      },
    });
    return "created";
  } catch (error) {
    // Another run stored the same report a moment ago: only the result may need writing.
    if (!isUniqueViolation(error)) throw error;
    return updateResult(report, result);
  }
}

export interface StoredReconciliation {
  reportId: string;
  fetchedAt: Date;
  reconciledAt: Date;
  /** Null when this version of the shop cannot read the stored result; reconciling again rewrites it. */
  reconciliation: Reconciliation | null;
}

function readResult(text: string): Reconciliation | null {
  try {
    const parsed = reconciliationSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The reconciliation of the newest stored report (by Amazon's creation time), or null. */
export async function latestStoredReconciliation(): Promise<StoredReconciliation | null> {
  const row = await db().settlementReport.findFirst({
    orderBy: [{ reportCreatedAt: { sort: "desc", nulls: "last" } }, { fetchedAt: "desc" }],
    select: { id: true, fetchedAt: true, reconciledAt: true, result: true },
  });
  if (!row) return null;
  return {
    reportId: row.id,
    fetchedAt: row.fetchedAt,
    reconciledAt: row.reconciledAt,
    reconciliation: readResult(row.result),
  };
}
