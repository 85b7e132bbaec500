// What the emulator stores about reports, report schedules, report documents, disputes and
// evidence files. The documented JSON shapes are produced by after-sale-serialize.ts.
import type { Money } from "@storefront/amazon-pay/money";
import type { DisputeFilingReason, EvidenceType } from "@storefront/amazon-pay/schemas/dispute";
import type { EvidenceFileType } from "@storefront/amazon-pay/schemas/file";
import type { ProcessingStatus, ReportType, ScheduleFrequency } from "@storefront/amazon-pay/schemas/report";
import type { DisputeStatus } from "../state/dispute";

export interface ReportRecord {
  reportId: string;
  merchantId: string;
  reportType: ReportType;
  startTime: number;
  endTime: number;
  createdAt: number;
  processingStatus: ProcessingStatus;
  processingStartedAt: number | null;
  processingEndedAt: number | null;
  reportDocumentId: string | null;
  /** The schedule that created it, if any. */
  reportScheduleId: string | null;
}

export interface ReportDocumentRecord {
  reportDocumentId: string;
  merchantId: string;
  reportId: string;
  content: string;
  contentType: string;
}

export interface ReportScheduleRecord {
  reportScheduleId: string;
  merchantId: string;
  reportType: ReportType;
  scheduleFrequency: ScheduleFrequency;
  nextReportCreationTime: number;
  eventId: number | null;
}

export interface EvidenceRecord {
  evidenceType: EvidenceType;
  fileId: string | null;
  evidenceText: string | null;
}

export interface DisputeRecord {
  disputeId: string;
  chargeId: string;
  chargePermissionId: string;
  merchantId: string;
  disputeAmount: Money;
  filingReason: DisputeFilingReason;
  status: DisputeStatus;
  statusUpdatedAt: number;
  createdAt: number;
  responseDeadline: number;
  evidences: EvidenceRecord[];
  deadlineEventId: number | null;
}

export interface FileRecord {
  fileId: string;
  merchantId: string;
  type: EvidenceFileType;
  purpose: "disputeEvidence";
  createdAt: number;
  urlExpiresAt: number;
  content: Buffer | null;
  uploadedAt: number | null;
}
