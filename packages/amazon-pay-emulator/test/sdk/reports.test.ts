// The official Node SDK against the emulator over TLS: the reporting APIs, replaying the calls
// of the SDK's own integration tests (same payloads, same idempotency key, same key checks).
import { describe, expect, it } from "vitest";
import { formatAmzDate } from "@storefront/amazon-pay/signing";
import {
  chargeablePermission,
  emulator,
  expectSdkError,
  keyHeaders,
  setUpSdk,
  USD,
  webStore,
} from "./harness";

setUpSdk();

const SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";
const AUTHORIZATIONS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_";
const REPORT_KEYS = [
  "createdTime",
  "endTime",
  "processingEndTime",
  "processingStartTime",
  "processingStatus",
  "reportDocumentId",
  "reportId",
  "reportType",
  "startTime",
];
const SCHEDULE_KEYS = ["nextReportCreationTime", "reportScheduleId", "reportType", "scheduleFrequency"];
const time = (ms: number) => formatAmzDate(new Date(ms));

describe("official Node SDK over TLS: reports", () => {
  it("runs the SDK's reporting tests: schedules, reports, one key throughout", async () => {
    const headers = keyHeaders();
    const schedulePayload = {
      reportType: AUTHORIZATIONS,
      scheduleFrequency: "PT84H",
      nextReportCreationTime: "20230618T150630Z",
      deleteExistingSchedule: true,
    };
    const schedule = await webStore.createReportSchedule(schedulePayload, headers);
    expect(schedule.status).toBe(201);
    const reportScheduleId = String(schedule.data.reportScheduleId);
    const schedules = await webStore.getReportSchedules(
      `${AUTHORIZATIONS},_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_`,
      headers,
    );
    expect(schedules.status).toBe(200);
    expect(Object.keys((schedules.data.reportSchedules as object[])[0]!)).toEqual(SCHEDULE_KEYS);
    const byId = await webStore.getReportScheduleById(reportScheduleId, headers);
    expect(byId.status).toBe(200);
    expect(Object.keys(byId.data)).toEqual(SCHEDULE_KEYS);
    const report = await webStore.createReport(
      { reportType: AUTHORIZATIONS, startTime: "20230618T150630Z", endTime: "20230911T150350Z" },
      headers,
    );
    expect(report.status).toBe(201);
    expect(report.data.reportId).toBeTruthy();
    // The same key and body again: the saved schedule comes back, and it can be canceled.
    const again = await webStore.createReportSchedule(schedulePayload, headers);
    expect(again).toMatchObject({ status: 201, data: { reportScheduleId } });
    expect((await webStore.cancelReportSchedule(reportScheduleId)).status).toBe(200);
    const reports = await webStore.getReports();
    expect(reports.status).toBe(200);
    expect(Object.keys((reports.data.reports as object[])[0]!)).toEqual(REPORT_KEYS);
    const got = await webStore.getReportById(String(report.data.reportId), headers);
    expect(got.status).toBe(200);
    expect(Object.keys(got.data)).toEqual(REPORT_KEYS);
  });

  it("downloads a Sandbox Settlement Report document through its short-lived URL", async () => {
    const permissionId = await chargeablePermission(webStore);
    await webStore.createCharge(
      { chargePermissionId: permissionId, chargeAmount: USD("20.00"), captureNow: true },
      keyHeaders(),
    );
    const now = emulator.emulator.now();
    const { data } = await webStore.createReport(
      { reportType: SANDBOX_SETTLEMENT, startTime: time(now - 3_600_000), endTime: time(now + 60_000) },
      keyHeaders(),
    );
    emulator.emulator.advanceClock(emulator.emulator.config.reportProcessingMs + 1);
    const filtered = await webStore.getReports({
      reportTypes: [SANDBOX_SETTLEMENT],
      processingStatuses: ["COMPLETED"],
      pageSize: "10",
    });
    expect((filtered.data.reports as { reportId: string }[]).map((r) => r.reportId)).toEqual([data.reportId]);
    const report = await webStore.getReportById(String(data.reportId));
    const document = await webStore.getReportDocument(String(report.data.reportDocumentId));
    expect(document.status).toBe(200);
    expect(Object.keys(document.data)).toEqual(["reportDocumentId", "url", "compressionAlgorithm"]);
    const csv = await (await fetch(String(document.data.url))).text();
    expect(csv).toContain('"Capture","');
    expect(csv).toContain('"20.00","-0.58","-0.30","-0.88","19.12"');
  });

  it("answers documented errors", async () => {
    await expectSdkError(webStore.getReportById("99999999999"), 404, "ResourceNotFound");
    await expectSdkError(webStore.getReportDocument("99999999999"), 404, "ResourceNotFound");
    await expectSdkError(webStore.getReportScheduleById("99999999999"), 404, "ResourceNotFound");
    await expectSdkError(webStore.cancelReportSchedule("99999999999"), 404, "ResourceNotFound");
    await expectSdkError(
      webStore.createReport(
        { reportType: "_UNKNOWN_", startTime: "20230618T150630Z", endTime: "20230911T150350Z" },
        keyHeaders(),
      ),
      400,
      "InvalidParameterValue",
    );
    await expectSdkError(
      webStore.createReport({ reportType: SANDBOX_SETTLEMENT }, keyHeaders()),
      400,
      "MissingParameterValue",
    );
    await expectSdkError(webStore.getReports({ pageSize: "500" }), 400, "InvalidParameterValue");
    await expectSdkError(
      webStore.getReports({ nextToken: "x", pageSize: "10" }),
      400,
      "InvalidParameterValue",
    );
    await expectSdkError(
      webStore.createReport(
        { reportType: SANDBOX_SETTLEMENT, startTime: "20230618T150630Z", endTime: "20230911T150350Z" },
        null,
      ),
      400,
      "MissingHeader",
    );
  });
});
