// Settling Amazon's newest settlement report against the orders, end to end: the in-process
// emulator builds the report from its own captures, refunds, fees and chargebacks; the shop
// finds it through the Reports API, downloads it, matches every line and stores the result.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { syncDispute } from "@/lib/reconciliation/sync-dispute";
import { money } from "@/lib/money";
import { clearEmulatorLog, emulatorApiCalls, injectFault } from "@/tests/helpers/amazon-calls";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { NO_REPORT_MESSAGE, settleLatestReport } from "./settle";
import {
  capturedOrder,
  settledRefund,
  settled,
  settlementReportAtAmazon,
} from "@/tests/helpers/settlement-reports";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const DAY = 86_400_000;
let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());
// Each test starts from no payments at Amazon and no orders in the shop.
beforeEach(async () => {
  shop.emulator.emulator.reset();
  await shop.prisma.order.deleteMany();
  await shop.prisma.settlementReport.deleteMany();
});
afterEach(() => vi.restoreAllMocks());

describe("Settlement", () => {
  it("says clearly that there is nothing to reconcile while Amazon has no completed report", async () => {
    expect(await settleLatestReport()).toEqual({ kind: "no-report", message: NO_REPORT_MESSAGE });
    expect(await shop.prisma.settlementReport.count()).toBe(0);
  });

  it("says what went wrong when Amazon Pay answers the Reports API with an error", async () => {
    injectFault(shop.emulator, { fault: "status", status: 503, count: 5, operation: "getReports" });

    const outcome = await settleLatestReport();

    expect(outcome).toEqual({
      kind: "failed",
      message: expect.stringMatching(/^Amazon Pay answered getReports with an error: .*503/),
    });
    expect(await shop.prisma.settlementReport.count()).toBe(0);
  });

  it("matches every capture and refund to its order, and the totals add up to Amazon's net", async () => {
    const first = await capturedOrder(shop);
    const second = await capturedOrder(shop);
    await settledRefund(shop, second.orderNumber, 500);
    const reportId = await settlementReportAtAmazon(shop);

    const { reconciliation, stored } = await settled();

    expect(stored).toBe("created");
    expect(reconciliation.reportId).toBe(reportId);
    expect(reconciliation.mismatches).toEqual([]);
    const [firstCharge, secondCharge] = [first.charges[0], second.charges[0]];
    expect(
      reconciliation.lines.map((l) => [l.kind, l.transactionId, l.orderNumber, l.amount, l.matched]),
    ).toEqual([
      ["capture", firstCharge?.id, first.orderNumber, money(first.totalMinor, "USD"), true],
      ["capture", secondCharge?.id, second.orderNumber, money(second.totalMinor, "USD"), true],
      ["refund", expect.any(String), second.orderNumber, money(-500, "USD"), true],
    ]);
    const [usd] = reconciliation.totals;
    expect(reconciliation.totals).toHaveLength(1);
    expect(usd?.captures).toEqual(money(first.totalMinor + second.totalMinor, "USD"));
    expect(usd?.refunds).toEqual(money(-500, "USD"));
    expect(usd?.fees.amount).toBeLessThan(0);
    expect(usd?.net).toEqual(money(usd!.captures.amount + usd!.refunds.amount + usd!.fees.amount, "USD"));
    expect(usd?.net).toEqual(usd?.reportedNet);
    const lineNets = reconciliation.lines.reduce((total, line) => total + (line.net?.amount ?? 0), 0);
    expect(usd?.reportedNet.amount).toBe(lineNets);
  });

  it("running it twice changes nothing: one row, the same result, the document not downloaded again", async () => {
    await capturedOrder(shop);
    await settlementReportAtAmazon(shop);
    const first = await settled();
    const row = await shop.prisma.settlementReport.findFirstOrThrow();
    clearEmulatorLog(shop.emulator);

    const second = await settled();

    expect(second.stored).toBe("unchanged");
    expect(second.reconciliation).toEqual(first.reconciliation);
    expect(await shop.prisma.settlementReport.findMany()).toEqual([row]);
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("report-documents"))).toEqual([]);
  });

  it("lists a capture whose order is gone, an amount that differs, an unrecorded refund and a chargeback", async () => {
    const deleted = await capturedOrder(shop);
    const altered = await capturedOrder(shop);
    const refunded = await capturedOrder(shop);
    const disputed = await capturedOrder(shop);
    await settledRefund(shop, refunded.orderNumber, 300);
    const response = await fetch(`${shop.emulator.url}/__emulator/disputes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chargeId: disputed.charges[0]?.id }),
    });
    expect(response.status).toBe(201);
    await settlementReportAtAmazon(shop);
    await shop.prisma.order.delete({ where: { id: deleted.id } });
    await shop.prisma.charge.update({
      where: { id: altered.charges[0]?.id },
      data: { capturedMinor: altered.totalMinor - 1 },
    });
    await shop.prisma.refund.deleteMany({ where: { orderId: refunded.id } });

    const { reconciliation } = await settled();

    const found = reconciliation.mismatches.map((m) => [
      m.kind,
      m.transactionId,
      m.orderNumber,
      m.expected,
      m.reported,
    ]);
    expect(found).toEqual([
      ["capture-without-order", deleted.charges[0]?.id, null, null, money(deleted.totalMinor, "USD")],
      [
        "amount-differs",
        altered.charges[0]?.id,
        altered.orderNumber,
        money(altered.totalMinor - 1, "USD"),
        money(altered.totalMinor, "USD"),
      ],
      ["refund-without-record", expect.any(String), refunded.orderNumber, null, money(-300, "USD")],
      [
        "chargeback",
        expect.stringContaining("-B"),
        disputed.orderNumber,
        null,
        money(-disputed.totalMinor, "USD"),
      ],
    ]);
    expect(reconciliation.mismatches[3]?.detail).toMatch(/: the shop has no record of this dispute\.$/);
    const matched = reconciliation.lines.filter((l) => l.matched).map((l) => l.orderNumber);
    expect(matched).toEqual([refunded.orderNumber, disputed.orderNumber]);
  });

  it("a chargeback whose dispute the shop recorded is listed with the dispute's amount and state", async () => {
    const disputed = await capturedOrder(shop);
    const response = await fetch(`${shop.emulator.url}/__emulator/disputes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chargeId: disputed.charges[0]?.id }),
    });
    const { disputeId } = (await response.json()) as { disputeId: string };
    expect(await syncDispute(disputeId, "reconciler")).toMatchObject({ kind: "applied" });
    await settlementReportAtAmazon(shop);

    const { reconciliation } = await settled();

    expect(reconciliation.mismatches).toEqual([
      {
        kind: "chargeback",
        lineNumber: 2,
        transactionId: disputeId,
        orderNumber: disputed.orderNumber,
        expected: money(-disputed.totalMinor, "USD"),
        reported: money(-disputed.totalMinor, "USD"),
        detail: `Chargeback ${disputeId} (dispute ActionRequired in the shop).`,
      },
    ]);
    expect(reconciliation.totals[0]?.chargebacks).toEqual(money(-disputed.totalMinor, "USD"));
  });

  it("flags an order captured longer ago than SETTLEMENT_EXPECTED_DAYS that the report lacks", async () => {
    const order = await capturedOrder(shop);
    const late = await capturedOrder(shop);
    await settlementReportAtAmazon(shop);
    // The shop holds a second capture on this order, 10 days old, that Amazon never settled.
    await shop.prisma.charge.create({
      data: {
        id: "S01-0000000-0000000-C000001",
        orderId: late.id,
        currency: "USD",
        amountMinor: 1234,
        capturedMinor: 1234,
        state: "Captured",
        capturedAt: new Date(Date.now() - 10 * DAY),
      },
    });

    const { reconciliation } = await settled();

    expect(reconciliation.expectedDays).toBe(3);
    expect(reconciliation.mismatches).toEqual([
      expect.objectContaining({
        kind: "not-settled",
        lineNumber: null,
        transactionId: "S01-0000000-0000000-C000001",
        orderNumber: late.orderNumber,
        expected: money(1234, "USD"),
        reported: null,
      }),
    ]);
    expect(reconciliation.lines.every((l) => l.matched)).toBe(true);
    expect(reconciliation.lines.map((l) => l.orderNumber)).toEqual([order.orderNumber, late.orderNumber]);
  });
});
