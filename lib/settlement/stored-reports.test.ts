// Storing a reconciliation by Amazon's report id: one row however often and however concurrently
// it is stored, the result rewritten only when it changed, and a stored result this version
// cannot read shown as such instead of failing the page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import type { Reconciliation } from "./result";
import { latestStoredReconciliation, storeReconciliation, type ReportToStore } from "./stored-reports";

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase({ seed: false }));
});
afterAll(() => shop.close());
beforeEach(() => shop.prisma.settlementReport.deleteMany());

const reconciliation = (net: number): Reconciliation => ({
  reportId: "R-1",
  settlementId: "S-1",
  periodStart: "2026-11-01T00:00:00.000Z",
  periodEnd: "2026-11-30T00:00:00.000Z",
  expectedDays: 3,
  lines: [],
  mismatches: [],
  totals: [
    {
      currency: "EUR",
      captures: money(net, "EUR"),
      refunds: money(0, "EUR"),
      chargebacks: money(0, "EUR"),
      other: money(0, "EUR"),
      fees: money(0, "EUR"),
      net: money(net, "EUR"),
      reportedFees: money(0, "EUR"),
      reportedNet: money(net, "EUR"),
    },
  ],
});

const report = (net: number): ReportToStore => ({
  reportId: "R-1",
  reportType: "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_",
  reportDocumentId: "D-1",
  reportCreatedAt: new Date("2026-11-30T01:00:00Z"),
  document: "the document",
  reconciliation: reconciliation(net),
});

describe("stored settlement reports", () => {
  it("one row per report id, even when two runs store it at once; a new result rewrites only the result", async () => {
    const outcomes = await Promise.all([storeReconciliation(report(100)), storeReconciliation(report(100))]);

    expect(outcomes.sort()).toEqual(["created", "unchanged"]);
    const [row] = await shop.prisma.settlementReport.findMany();
    expect(await storeReconciliation(report(100))).toBe("unchanged");
    expect(await shop.prisma.settlementReport.findMany()).toEqual([row]);

    expect(await storeReconciliation({ ...report(250), document: "another document" })).toBe("updated");
    const rows = await shop.prisma.settlementReport.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.document).toBe("the document");
    expect((await latestStoredReconciliation())?.reconciliation).toEqual(reconciliation(250));
  });

  it("a stored result this version cannot read comes back as null, not as an error", async () => {
    await storeReconciliation(report(100));
    await shop.prisma.settlementReport.update({ where: { id: "R-1" }, data: { result: '{"lines":3}' } });

    expect(await latestStoredReconciliation()).toMatchObject({ reportId: "R-1", reconciliation: null });
    expect(await storeReconciliation(report(100))).toBe("updated");
    expect((await latestStoredReconciliation())?.reconciliation).toEqual(reconciliation(100));
  });
});
