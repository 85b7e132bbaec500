import { describe, expect, it } from "vitest";
import { AmazonPayError } from "../errors";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  REPORT_DOCUMENT_ID,
  REPORT_ID,
  reportDocumentResponse,
  reportListResponse,
  reportResponse,
} from "../test-fixtures/after-sale-responses";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();
const SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";

const operations: OperationCase[] = [
  {
    name: "reports.list",
    method: "GET",
    path: `/v2/reports?createdSince=20230618T150630Z&pageSize=5&processingStatuses=COMPLETED%2CCANCELLED&reportTypes=${SANDBOX_SETTLEMENT}`,
    status: 200,
    response: reportListResponse,
    body: "",
    call: (c) =>
      c.reports.list({
        reportTypes: [SANDBOX_SETTLEMENT],
        processingStatuses: ["COMPLETED", "CANCELLED"],
        createdSince: "20230618T150630Z",
        pageSize: 5,
      }),
  },
  {
    name: "reports.list (next page)",
    method: "GET",
    path: "/v2/reports?nextToken=page-2",
    status: 200,
    response: reportListResponse,
    body: "",
    call: (c) => c.reports.list({ nextToken: "page-2" }),
  },
  {
    name: "reports.get",
    method: "GET",
    path: `/v2/reports/${REPORT_ID}`,
    status: 200,
    response: reportResponse,
    body: "",
    call: (c) => c.reports.get(REPORT_ID),
  },
  {
    name: "reports.create",
    method: "POST",
    path: "/v2/reports",
    status: 201,
    response: () => ({ reportId: REPORT_ID }),
    idempotencyKey: "report-1",
    call: (c) =>
      c.reports.create(
        { reportType: SANDBOX_SETTLEMENT, startTime: "20230618T150630Z", endTime: "2023-09-11T15:03:50Z" },
        { idempotencyKey: "report-1" },
      ),
    body: { reportType: SANDBOX_SETTLEMENT, startTime: "20230618T150630Z", endTime: "2023-09-11T15:03:50Z" },
  },
  {
    name: "reports.getDocument",
    method: "GET",
    path: `/v2/report-documents/${REPORT_DOCUMENT_ID}`,
    status: 200,
    response: reportDocumentResponse,
    body: "",
    call: (c) => c.reports.getDocument(REPORT_DOCUMENT_ID),
  },
];

describe("Report operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});

describe("Report requests are checked before sending", () => {
  it("refuses nextToken with other filters, unknown types and malformed times", async () => {
    const { client } = testClient(capture.server.url);
    const before = capture.server.requests.length;
    for (const call of [
      () => client.reports.list({ nextToken: "t", pageSize: 10 }),
      () => client.reports.list({ pageSize: 101 }),
      () => client.reports.create({ reportType: "_NOPE_" as never, startTime: "x", endTime: "y" }),
      () => client.reports.create({ reportType: SANDBOX_SETTLEMENT, startTime: "2023-06-18", endTime: "y" }),
    ]) {
      await expect(call()).rejects.toSatisfy(
        (error) => error instanceof AmazonPayError && error.kind === "invalid-request",
      );
    }
    expect(capture.server.requests.length).toBe(before);
  });
});
