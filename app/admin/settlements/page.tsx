import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin/auth";
import { fetchSettlementAction } from "@/lib/settlement/action";
import { latestSettlement } from "@/lib/settlement/server";
import { FetchSettlementForm } from "@/components/admin/fetch-settlement-form";
import { MerchantNav } from "@/components/admin/merchant-nav";
import { SettlementLines } from "@/components/admin/settlement-lines";
import { SettlementMismatches } from "@/components/admin/settlement-mismatches";
import { SettlementTotals } from "@/components/admin/settlement-totals";
import { formatTimestamp } from "@/components/admin/timestamp";

export const metadata: Metadata = { title: "Settlements · Merchant", robots: { index: false } };

export default async function AdminSettlementsPage() {
  if (!(await isAdmin())) redirect("/admin/login?next=/admin/settlements");
  const latest = await latestSettlement();
  const report = latest?.reconciliation;
  return (
    <>
      <MerchantNav current="/admin/settlements" />
      <div className="panel__header">
        <h1>Settlements</h1>
      </div>
      <section className="panel stack" aria-labelledby="report-title">
        <h2 id="report-title">Latest settlement report</h2>
        {latest && !report && (
          <p className="notice notice--error" role="alert">
            The stored result of report {latest.reportId} cannot be read by this version of the shop. Fetch
            the latest report again to reconcile it anew.
          </p>
        )}
        {latest && report ? (
          <dl data-testid="settlement-report">
            <dt>Amazon report</dt>
            <dd>
              <code>{report.reportId}</code>
              {report.settlementId ? (
                <>
                  {" "}
                  (settlement <code>{report.settlementId}</code>)
                </>
              ) : null}
            </dd>
            <dt>Period</dt>
            <dd>
              {report.periodStart ? formatTimestamp(report.periodStart) : "?"} to{" "}
              {report.periodEnd ? formatTimestamp(report.periodEnd) : "?"} (UTC)
            </dd>
            <dt>Reconciled</dt>
            <dd>
              {formatTimestamp(latest.reconciledAt.toISOString())} (UTC); captures are expected in a report
              within {report.expectedDays} days
            </dd>
          </dl>
        ) : latest ? null : (
          <p className="empty-state" data-testid="settlement-none">
            No settlement report has been reconciled yet.
          </p>
        )}
        <FetchSettlementForm action={fetchSettlementAction} />
      </section>
      {report && (
        <>
          <SettlementMismatches mismatches={report.mismatches} />
          <SettlementTotals totals={report.totals} />
          <SettlementLines lines={report.lines} />
        </>
      )}
    </>
  );
}
