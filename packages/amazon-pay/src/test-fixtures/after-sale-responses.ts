// Response bodies of the operations after the sale, shaped like Amazon documents them: a
// Report and a Report Schedule with their keys in the order the official Node SDK's tests
// assert, a Report Document, a Dispute and an uploaded File. Functions, so that every test gets
// its own copy.
import { CHARGE_ID } from "./responses";

export const REPORT_ID = "59007019641";
export const REPORT_DOCUMENT_ID = "61516019327";
export const REPORT_SCHEDULE_ID = "50012019642";
export const DISPUTE_ID = "S01-5105180-3221187-B012345";
export const FILE_ID = "amzn1.file.0f6b6a5e2b7c4d0e9a1f";

export const reportResponse = () => ({
  createdTime: "20230911T150350Z",
  endTime: "20230911T150350Z",
  processingEndTime: "20230911T150412Z",
  processingStartTime: "20230911T150351Z",
  processingStatus: "COMPLETED",
  reportDocumentId: REPORT_DOCUMENT_ID,
  reportId: REPORT_ID,
  reportType: "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
  startTime: "20230618T150630Z",
});

export const reportListResponse = () => ({ reports: [reportResponse()], nextToken: "page-2" });

export const reportDocumentResponse = () => ({
  reportDocumentId: REPORT_DOCUMENT_ID,
  url: "https://payments-reports.example/settlement.csv?X-Amz-Expires=30",
  compressionAlgorithm: "N/A",
});

export const reportScheduleResponse = () => ({
  nextReportCreationTime: "20230618T150630Z",
  reportScheduleId: REPORT_SCHEDULE_ID,
  reportType: "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
  scheduleFrequency: "PT84H",
});

export const disputeResponse = () => ({
  disputeId: DISPUTE_ID,
  chargeId: CHARGE_ID,
  disputeType: "Chargeback",
  disputeAmount: { amount: "14.00", currencyCode: "USD" },
  filingReason: "ProductNotReceived",
  statusDetails: {
    state: "ActionRequired",
    reasonCode: "MerchantResponseRequired",
    reasonDescription: "The merchant must respond to the dispute.",
    resolution: null,
    lastUpdatedTimestamp: "20240105T120000Z",
  },
  merchantEvidences: [],
  merchantResponseDeadline: "20240116T120000Z",
  resolutionAuthority: "AmazonPay",
  creationTimestamp: "20240105T120000Z",
  releaseEnvironment: "Sandbox",
});

export const uploadedFileResponse = () => ({
  id: FILE_ID,
  type: "pdf",
  purpose: "disputeEvidence",
  url: `https://payments-files.example/${FILE_ID}?X-Amz-Expires=900`,
  size: null,
  uploadTimestamp: null,
  urlExpirationTimestamp: "20240105T121500Z",
});
