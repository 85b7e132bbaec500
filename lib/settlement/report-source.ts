import "server-only";
// Amazon's side of settlement: the newest completed settlement report (Get Reports, every page)
// and its document. A document's URL is valid for 30 seconds, so it is asked for right before
// the download, and asked for once more when the first URL has already expired.
import { gunzipSync } from "node:zlib";
import { parseAmazonTimestamp } from "@storefront/amazon-pay/schemas/lenient";
import {
  SANDBOX_SETTLEMENT_REPORT,
  type Report,
  type ReportQuery,
  type ReportType,
} from "@storefront/amazon-pay/schemas/report";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { env } from "@/lib/env";

export const SETTLEMENT_REPORT_TYPES: ReportType[] = [
  "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_",
  SANDBOX_SETTLEMENT_REPORT,
];

/** Get Reports pages read at most (100 reports each; Amazon keeps reports 90 days). */
const MAX_PAGES = 20;

export class SettlementSourceError extends Error {
  override name = "SettlementSourceError";
}

export interface CompletedReport {
  reportId: string;
  reportType: string;
  reportDocumentId: string;
  createdAt: Date | null;
  startTime: Date | null;
  endTime: Date | null;
}

const timeOf = (text: string | null) => (text ? parseAmazonTimestamp(text) : null);

function completed(report: Report): CompletedReport | null {
  if (report.processingStatus !== "COMPLETED" || !report.reportDocumentId) return null;
  return {
    reportId: report.reportId,
    reportType: report.reportType ?? "",
    reportDocumentId: report.reportDocumentId,
    createdAt: timeOf(report.createdTime) ?? timeOf(report.processingEndTime),
    startTime: timeOf(report.startTime),
    endTime: timeOf(report.endTime),
  };
}

const newer = (a: CompletedReport, b: CompletedReport | null) =>
  !b ||
  (a.createdAt?.getTime() ?? 0) > (b.createdAt?.getTime() ?? 0) ||
  ((a.createdAt?.getTime() ?? 0) === (b.createdAt?.getTime() ?? 0) && a.reportId > b.reportId);

/** The newest COMPLETED settlement report Amazon still keeps, or null when there is none. */
export async function newestSettlementReport(): Promise<CompletedReport | null> {
  const { client } = amazonPay();
  let query: ReportQuery = {
    reportTypes: SETTLEMENT_REPORT_TYPES,
    processingStatuses: ["COMPLETED"],
    pageSize: 100,
  };
  let newest: CompletedReport | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await client.reports.list(query);
    for (const report of data.reports) {
      const candidate = completed(report);
      if (candidate && newer(candidate, newest)) newest = candidate;
    }
    if (!data.nextToken) break;
    query = { nextToken: data.nextToken };
  }
  return newest;
}

type Download = { ok: true; text: string } | { ok: false; expired: boolean; status: number };

async function download(url: string, compression: string | null): Promise<Download> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(env().AMAZON_PAY_ATTEMPT_TIMEOUT_MS),
    redirect: "follow",
  });
  if (!response.ok) {
    await response.body?.cancel();
    // S3 answers 403 (AccessDenied) once a pre-signed URL has expired.
    return { ok: false, expired: response.status === 403, status: response.status };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const body = compression?.toUpperCase() === "GZIP" ? gunzipSync(bytes) : bytes;
  return { ok: true, text: body.toString("utf8") };
}

/** The document's text: Get Report Document, then its URL at once; once more if that URL expired. */
export async function downloadReportDocument(reportDocumentId: string): Promise<string> {
  const { client } = amazonPay();
  let last: Download | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const { data } = await client.reports.getDocument(reportDocumentId);
    try {
      last = await download(data.url, data.compressionAlgorithm);
    } catch (error) {
      // A dropped connection, a timeout or a body that is not the gzip it claims to be.
      const reason = error instanceof Error ? error.message : String(error);
      throw new SettlementSourceError(
        `The download of report document ${reportDocumentId} failed: ${reason}`,
      );
    }
    if (last.ok) return last.text;
    if (!last.expired) break;
  }
  const status = last && !last.ok ? last.status : 0;
  throw new SettlementSourceError(
    last && !last.ok && last.expired
      ? `The download link of report document ${reportDocumentId} expired twice before it could be read.`
      : `The download of report document ${reportDocumentId} failed (HTTP ${status}).`,
  );
}
