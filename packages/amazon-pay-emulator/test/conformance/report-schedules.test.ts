// Conformance: report schedules through the typed client, running on the emulator clock.
import { beforeEach, describe, expect, it } from "vitest";
import { amazonPay, emulator, expectApiError, setUpConformance } from "./harness";
import { amzTime, capturedCharge, SANDBOX_SETTLEMENT } from "./after-sale-harness";

setUpConformance();

beforeEach(() => emulator.emulator.updateConfig({ reportProcessingMs: 1_000 }));

const HOUR = 3_600_000;

describe("conformance with the typed client: report schedules", () => {
  it("creates one schedule per type, lists, gets, replaces and cancels it", async () => {
    const next = amzTime(emulator.emulator.now() + HOUR);
    const created = await amazonPay.reportSchedules.create({
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "PT24H",
      nextReportCreationTime: next,
    });
    expect(created.status).toBe(201);
    const id = created.data.reportScheduleId;
    const got = await amazonPay.reportSchedules.get(id);
    expect(got.data).toEqual({
      nextReportCreationTime: next,
      reportScheduleId: id,
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "PT24H",
    });
    expect((await amazonPay.reportSchedules.list([SANDBOX_SETTLEMENT])).data.reportSchedules).toHaveLength(1);
    expect(
      (await amazonPay.reportSchedules.list(["_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_"])).data
        .reportSchedules,
    ).toEqual([]);
    await expectApiError(
      amazonPay.reportSchedules.create({ reportType: SANDBOX_SETTLEMENT, scheduleFrequency: "P1D" }),
      400,
      "InvalidParameterValue",
    );
    const replaced = await amazonPay.reportSchedules.create({
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "P1D",
      deleteExistingSchedule: true,
    });
    await expectApiError(amazonPay.reportSchedules.get(id), 404, "ResourceNotFound");
    const canceled = await amazonPay.reportSchedules.cancel(replaced.data.reportScheduleId);
    expect(canceled).toMatchObject({ status: 200, data: {} });
    expect((await amazonPay.reportSchedules.list()).data.reportSchedules).toEqual([]);
  });

  it("creates a report covering the last period at each creation time", async () => {
    await capturedCharge("25.00");
    const start = emulator.emulator.now();
    const { data } = await amazonPay.reportSchedules.create({
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "PT1H",
      nextReportCreationTime: amzTime(start + 60_000),
    });
    emulator.emulator.advanceClock(60_000 + HOUR + 2_000);
    const reports = (await amazonPay.reports.list()).data.reports;
    expect(reports).toHaveLength(2);
    expect(reports.every((r) => r.reportType === SANDBOX_SETTLEMENT)).toBe(true);
    expect(reports.map((r) => r.processingStatus).sort()).toEqual(["CANCELLED", "COMPLETED"]);
    const schedule = await amazonPay.reportSchedules.get(data.reportScheduleId);
    expect(schedule.data.nextReportCreationTime).toBe(amzTime(start + 60_000 + 2 * HOUR));
  });

  it("moves a creation time in the past to its next occurrence", async () => {
    const now = emulator.emulator.now();
    const { data } = await amazonPay.reportSchedules.create({
      reportType: SANDBOX_SETTLEMENT,
      scheduleFrequency: "PT84H",
      nextReportCreationTime: "20230618T150630Z",
    });
    const next = Date.parse(
      (await amazonPay.reportSchedules.get(data.reportScheduleId)).data.nextReportCreationTime!.replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        "$1-$2-$3T$4:$5:$6Z",
      ),
    );
    expect(next).toBeGreaterThanOrEqual(now - 1_000);
    expect(next - now).toBeLessThanOrEqual(84 * HOUR);
    expect((await amazonPay.reports.list()).data.reports).toEqual([]);
  });
});
