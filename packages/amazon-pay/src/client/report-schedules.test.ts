import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import { REPORT_SCHEDULE_ID, reportScheduleResponse } from "../test-fixtures/after-sale-responses";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";

const capture = captureServerPerFile();
const SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";
const AUTHORIZATIONS = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_";

const operations: OperationCase[] = [
  {
    name: "reportSchedules.list",
    method: "GET",
    path: `/v2/report-schedules?reportTypes=${SANDBOX_SETTLEMENT}%2C${AUTHORIZATIONS}`,
    status: 200,
    response: () => ({ reportSchedules: [reportScheduleResponse()] }),
    body: "",
    call: (c) => c.reportSchedules.list([SANDBOX_SETTLEMENT, AUTHORIZATIONS]),
  },
  {
    name: "reportSchedules.list (all)",
    method: "GET",
    path: "/v2/report-schedules",
    status: 200,
    response: () => ({ reportSchedules: [] }),
    body: "",
    call: (c) => c.reportSchedules.list(),
  },
  {
    name: "reportSchedules.get",
    method: "GET",
    path: `/v2/report-schedules/${REPORT_SCHEDULE_ID}`,
    status: 200,
    response: reportScheduleResponse,
    body: "",
    call: (c) => c.reportSchedules.get(REPORT_SCHEDULE_ID),
  },
  {
    name: "reportSchedules.create",
    method: "POST",
    path: "/v2/report-schedules",
    status: 201,
    response: () => ({ reportScheduleId: REPORT_SCHEDULE_ID }),
    idempotencyKey: "schedule-1",
    call: (c) =>
      c.reportSchedules.create(
        {
          reportType: SANDBOX_SETTLEMENT,
          scheduleFrequency: "P1D",
          nextReportCreationTime: "20230618T150630Z",
          deleteExistingSchedule: true,
        },
        { idempotencyKey: "schedule-1" },
      ),
    body: {
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "P1D",
      nextReportCreationTime: "20230618T150630Z",
      deleteExistingSchedule: true,
    },
  },
  {
    name: "reportSchedules.cancel",
    method: "DELETE",
    path: `/v2/report-schedules/${REPORT_SCHEDULE_ID}`,
    status: 200,
    response: () => ({}),
    body: {},
    call: (c) => c.reportSchedules.cancel(REPORT_SCHEDULE_ID),
  },
];

describe("Report schedule operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
