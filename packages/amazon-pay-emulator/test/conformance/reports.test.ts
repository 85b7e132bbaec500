// Conformance: reports and their documents through the typed client. The Sandbox Settlement
// Report is built from the emulator's own captures, refunds, fees and chargebacks.
import { beforeEach, describe, expect, it } from "vitest";
import { parseSettlementReport } from "@storefront/amazon-pay/settlement-report";
import { amazonPay, emulator, expectApiError, setUpConformance, USD } from "./harness";
import {
  amzTime,
  capturedCharge,
  finishReports,
  openChargeback,
  SANDBOX_SETTLEMENT,
  settle,
} from "./after-sale-harness";

setUpConformance();

beforeEach(() => {
  emulator.emulator.updateConfig({
    reportProcessingMs: 1_000,
    reportDocumentUrlSeconds: 30,
    reportTypesWithoutData: "cancelled",
    emptySettlementReport: "CANCELLED",
  });
});

const lastHour = () => ({
  startTime: amzTime(emulator.emulator.now() - 3_600_000),
  endTime: amzTime(emulator.emulator.now() + 60_000),
});

describe("conformance with the typed client: reports", () => {
  it("builds the Sandbox Settlement Report from captures, refunds, fees and chargebacks", async () => {
    const charge = await capturedCharge("100.00");
    await amazonPay.refunds.create({ chargeId: charge.chargeId, refundAmount: USD("40.00") });
    emulator.emulator.advanceClock(emulator.emulator.config.asyncDelayMs + 1);
    const dispute = await openChargeback(charge.chargeId);
    await settle(dispute.disputeId, "won");
    const created = await amazonPay.reports.create({ reportType: SANDBOX_SETTLEMENT, ...lastHour() });
    expect(created.status).toBe(201);
    const pending = await amazonPay.reports.get(created.data.reportId);
    expect(pending.data).toMatchObject({ processingStatus: "IN_PROGRESS", reportDocumentId: null });
    finishReports();
    const done = await amazonPay.reports.get(created.data.reportId);
    expect(done.data.processingStatus).toBe("COMPLETED");
    const document = await amazonPay.reports.getDocument(done.data.reportDocumentId!);
    expect(document.data).toMatchObject({ compressionAlgorithm: "N/A" });
    const csv = await (await fetch(document.data.url)).text();
    expect(csv.split("\r\n")[0]).toBe('"SellerId","SettlementStartDate","SettlementEndDate"');
    const rows = parseSettlementReport(csv).transactions;
    expect(
      rows.map((r) => [
        r.transactionType,
        r.transactionAmount,
        r.totalTransactionFee,
        r.netTransactionAmount,
      ]),
    ).toEqual([
      ["Capture", "100.00", "-3.20", "96.80"],
      ["Refund", "-40.00", "1.16", "-38.84"],
      ["Chargeback", "-60.00", "-20.00", "-80.00"],
      ["Chargeback", "60.00", "0.00", "60.00"],
    ]);
    expect(rows[0]).toMatchObject({
      amazonTransactionId: charge.chargeId,
      amazonOrderReferenceId: charge.chargePermissionId,
      sellerOrderId: "HP-1001",
      storeName: "Harbor & Pine",
      currencyCode: "USD",
      transactionPercentageFee: "-2.90",
      transactionFixedFee: "-0.30",
    });
  });

  it("expires a document URL after 30 seconds", async () => {
    await capturedCharge("10.00");
    const { data } = await amazonPay.reports.create({ reportType: SANDBOX_SETTLEMENT, ...lastHour() });
    finishReports();
    const report = await amazonPay.reports.get(data.reportId);
    const { url } = (await amazonPay.reports.getDocument(report.data.reportDocumentId!)).data;
    expect((await fetch(url)).status).toBe(200);
    emulator.emulator.advanceClock(31_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("<Code>AccessDenied</Code>");
    expect((await fetch(url.replace(/X-Amz-Signature=[0-9a-f]/, "X-Amz-Signature=z"))).status).toBe(403);
  });

  it("cancels reports with nothing in them, and every type a sandbox has no data for", async () => {
    const empty = await amazonPay.reports.create({ reportType: SANDBOX_SETTLEMENT, ...lastHour() });
    const authorizations = await amazonPay.reports.create({
      reportType: "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_",
      ...lastHour(),
    });
    finishReports();
    for (const id of [empty.data.reportId, authorizations.data.reportId]) {
      expect((await amazonPay.reports.get(id)).data).toMatchObject({
        processingStatus: "CANCELLED",
        reportDocumentId: null,
      });
    }
    emulator.emulator.updateConfig({ reportTypesWithoutData: "refused" });
    await expectApiError(
      amazonPay.reports.create({
        reportType: "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_",
        ...lastHour(),
      }),
      400,
      "InvalidParameterValue",
    );
  });

  it("lists reports newest first, filtered and paged with nextToken", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await amazonPay.reports.create({ reportType: SANDBOX_SETTLEMENT, ...lastHour() })).data.reportId,
      );
      emulator.emulator.advanceClock(1_000);
    }
    finishReports();
    const first = await amazonPay.reports.list({ reportTypes: [SANDBOX_SETTLEMENT], pageSize: 2 });
    expect(first.data.reports.map((r) => r.reportId)).toEqual([ids[2], ids[1]]);
    const second = await amazonPay.reports.list({ nextToken: first.data.nextToken! });
    expect(second.data.reports.map((r) => r.reportId)).toEqual([ids[0]]);
    expect(second.data.nextToken).toBeNull();
    const completed = await amazonPay.reports.list({ processingStatuses: ["COMPLETED"] });
    expect(completed.data.reports).toEqual([]);
  });

  it("refuses bad ranges, unknown reports and documents of another merchant's", async () => {
    const now = emulator.emulator.now();
    await expectApiError(
      amazonPay.reports.create({
        reportType: SANDBOX_SETTLEMENT,
        startTime: amzTime(now),
        endTime: amzTime(now - 1_000),
      }),
      400,
      "InvalidParameterValue",
    );
    await expectApiError(
      amazonPay.reports.create({
        reportType: SANDBOX_SETTLEMENT,
        startTime: amzTime(now - 40 * 86_400_000),
        endTime: amzTime(now),
      }),
      400,
      "InvalidParameterValue",
    );
    await expectApiError(amazonPay.reports.get("12345678901"), 404, "ResourceNotFound");
    await expectApiError(amazonPay.reports.getDocument("12345678901"), 404, "ResourceNotFound");
  });
});
