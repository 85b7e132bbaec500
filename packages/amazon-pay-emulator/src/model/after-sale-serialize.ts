// The documented JSON of reports, report schedules, disputes and uploaded files. Reports and
// schedules list their keys alphabetically, as Amazon answers them (the official Node SDK's
// tests compare the key order); disputes follow the order of Amazon's object table.
import { priceJson } from "../core/amounts";
import { amzTimestamp } from "../core/clock";
import { DISPUTE_REASON_DESCRIPTIONS } from "../state/dispute";
import type { DisputeRecord, FileRecord, ReportRecord, ReportScheduleRecord } from "./after-sale-records";

const timeOrNull = (ms: number | null) => (ms === null ? null : amzTimestamp(ms));

export function reportJson(r: ReportRecord) {
  return {
    createdTime: amzTimestamp(r.createdAt),
    endTime: amzTimestamp(r.endTime),
    processingEndTime: timeOrNull(r.processingEndedAt),
    processingStartTime: timeOrNull(r.processingStartedAt),
    processingStatus: r.processingStatus,
    reportDocumentId: r.reportDocumentId,
    reportId: r.reportId,
    reportType: r.reportType,
    startTime: amzTimestamp(r.startTime),
  };
}

export function reportScheduleJson(s: ReportScheduleRecord) {
  return {
    nextReportCreationTime: amzTimestamp(s.nextReportCreationTime),
    reportScheduleId: s.reportScheduleId,
    reportType: s.reportType,
    scheduleFrequency: s.scheduleFrequency,
  };
}

/** The party that decides chargebacks the emulator plays. [UNKNOWN value; Amazon names it "for example Amazon Pay"] */
export const RESOLUTION_AUTHORITY = "AmazonPay";

export function disputeJson(d: DisputeRecord) {
  return {
    disputeId: d.disputeId,
    chargeId: d.chargeId,
    disputeType: "Chargeback",
    disputeAmount: priceJson(d.disputeAmount),
    filingReason: d.filingReason,
    statusDetails: {
      state: d.status.state,
      reasonCode: d.status.reasonCode,
      reasonDescription: d.status.reasonCode
        ? (DISPUTE_REASON_DESCRIPTIONS[d.status.reasonCode] ?? null)
        : null,
      resolution: d.status.resolution,
      lastUpdatedTimestamp: amzTimestamp(d.statusUpdatedAt),
    },
    merchantEvidences: d.evidences.map((e) => ({
      evidenceType: e.evidenceType,
      fileId: e.fileId,
      evidenceText: e.evidenceText,
    })),
    merchantResponseDeadline: amzTimestamp(d.responseDeadline),
    resolutionAuthority: RESOLUTION_AUTHORITY,
    creationTimestamp: amzTimestamp(d.createdAt),
    releaseEnvironment: "Sandbox",
  };
}

/** An uploaded file, with the URL its bytes are PUT to. */
export function fileJson(f: FileRecord, url: string) {
  return {
    id: f.fileId,
    type: f.type,
    purpose: f.purpose,
    url,
    size: f.content ? f.content.length : null,
    uploadTimestamp: timeOrNull(f.uploadedAt),
    urlExpirationTimestamp: amzTimestamp(f.urlExpiresAt),
  };
}
