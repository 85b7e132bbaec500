// The reconciliation of report lines the emulator does not produce: other currencies, lines whose
// columns do not add up or cannot be read, the same movement twice, unknown transaction types.
import { describe, expect, it } from "vitest";
import { parseSettlementReport } from "@storefront/amazon-pay/settlement-report";
import { money, type Money } from "@/lib/money";
import { reconcileReport } from "./reconcile-report";
import type { ChargeRecord, ShopRecords } from "./shop-records";

const HEADER = [
  '"SellerId","SettlementStartDate","SettlementEndDate"',
  '"A1","2026-11-01T00:00:00-0000","2026-11-30T00:00:00-0000"',
  "",
  '"TransactionPostedDate","SettlementId","AmazonTransactionId","SellerReferenceId","TransactionType","AmazonOrderReferenceId","SellerOrderId","StoreName","CurrencyCode","TransactionAmount","TransactionPercentageFee","TransactionFixedFee","TotalTransactionFee","NetTransactionAmount"',
];

/** One body row: id, type, permission, order, currency, amount, percentage fee, fixed fee, total fee, net. */
const row = (cells: string[]) =>
  [
    "2026-11-10T10:00:00-0000",
    "S1",
    cells[0],
    "",
    cells[1],
    cells[2],
    cells[3],
    "Harbor & Pine",
    ...cells.slice(4),
  ]
    .map((v) => `"${v}"`)
    .join(",");

const charge = (chargeId: string, orderNumber: string, captured: Money, capturedAt?: Date): ChargeRecord => ({
  chargeId,
  orderNumber,
  captured,
  capturedAt: capturedAt ?? new Date("2026-11-10T10:00:00Z"),
});

function records(charges: ChargeRecord[], due: ChargeRecord[] = []): ShopRecords {
  return {
    charges: new Map(charges.map((c) => [c.chargeId, c])),
    refunds: new Map(),
    disputes: new Map(),
    orderNumbers: new Set(charges.map((c) => c.orderNumber)),
    orderByChargePermission: new Map([
      ["P-1", "HP-1"],
      ["P-2", "HP-2"],
    ]),
    dueCaptures: due,
  };
}

function reconcile(rows: string[][], shop: ShopRecords) {
  const { transactions } = parseSettlementReport([...HEADER, ...rows.map(row)].join("\r\n"));
  return reconcileReport(
    {
      reportId: "R1",
      settlementId: "S1",
      periodStart: new Date("2026-11-01T00:00:00Z"),
      periodEnd: new Date("2026-11-30T00:00:00Z"),
      expectedDays: 3,
      transactions,
    },
    shop,
  );
}

describe("reconcileReport", () => {
  it("compares in the line's own currency: a JPY capture matches a JPY charge, totals per currency", () => {
    const shop = records([
      charge("C-1", "HP-1", money(1999, "JPY")),
      charge("C-2", "HP-2", money(1250, "EUR")),
    ]);
    const result = reconcile(
      [
        ["C-1", "Capture", "P-1", "HP-1", "JPY", "1999", "-58", "0", "-58", "1941"],
        ["C-2", "Capture", "P-2", "HP-2", "EUR", "12.50", "-0.36", "-0.35", "-0.71", "11.79"],
      ],
      shop,
    );
    expect(result.mismatches).toEqual([]);
    expect(result.totals.map((t) => [t.currency, t.captures, t.fees, t.net, t.reportedNet])).toEqual([
      ["EUR", money(1250, "EUR"), money(-71, "EUR"), money(1179, "EUR"), money(1179, "EUR")],
      ["JPY", money(1999, "JPY"), money(-58, "JPY"), money(1941, "JPY"), money(1941, "JPY")],
    ]);
  });

  it("a capture in another currency than the charge is an amount that differs, both shown", () => {
    const result = reconcile(
      [["C-1", "Capture", "P-1", "HP-1", "GBP", "19.99", "0", "0", "0", "19.99"]],
      records([charge("C-1", "HP-1", money(1999, "USD"))]),
    );
    expect(result.mismatches).toEqual([
      expect.objectContaining({
        kind: "amount-differs",
        expected: money(1999, "USD"),
        reported: money(1999, "GBP"),
      }),
    ]);
  });

  it("a line whose fee or net column does not add up is flagged, and so are the totals, by the same cents", () => {
    const result = reconcile(
      [["C-1", "Capture", "P-1", "HP-1", "USD", "10.00", "-0.29", "-0.30", "-0.59", "9.40"]],
      records([charge("C-1", "HP-1", money(1000, "USD"))]),
    );
    expect(result.mismatches.map((m) => [m.kind, m.expected, m.reported])).toEqual([
      ["line-does-not-add-up", money(941, "USD"), money(940, "USD")],
      ["totals-differ", money(941, "USD"), money(940, "USD")],
    ]);
    expect(result.lines[0]?.matched).toBe(false);
  });

  it("an unreadable amount or currency is listed, never guessed, and left out of the totals", () => {
    const result = reconcile(
      [
        ["C-1", "Capture", "P-1", "HP-1", "USD", "10.001", "0", "0", "0", "10.001"],
        ["C-2", "Capture", "P-2", "HP-2", "XXX", "10.00", "0", "0", "0", "10.00"],
      ],
      records([charge("C-1", "HP-1", money(1000, "USD")), charge("C-2", "HP-2", money(1000, "USD"))]),
    );
    expect(result.mismatches.map((m) => [m.kind, m.lineNumber, m.orderNumber, m.detail])).toEqual([
      ["unreadable-line", 1, "HP-1", 'TransactionAmount "10.001" is not a USD amount'],
      ["unreadable-line", 2, "HP-2", 'CurrencyCode "XXX" is not a currency the shop knows'],
    ]);
    expect(result.totals).toEqual([]);
  });

  it("the same capture twice is a duplicate; a chargeback and its win are two movements, both listed", () => {
    const result = reconcile(
      [
        ["C-1", "Capture", "P-1", "HP-1", "USD", "10.00", "0", "0", "0", "10.00"],
        ["C-1", "Capture", "P-1", "HP-1", "USD", "10.00", "0", "0", "0", "10.00"],
        ["P-1-B000001", "Chargeback", "P-1", "HP-1", "USD", "-10.00", "0", "-20.00", "-20.00", "-30.00"],
        ["P-1-B000001", "Chargeback", "P-1", "HP-1", "USD", "10.00", "0", "0", "0", "10.00"],
        ["X-1", "Adjustment", "P-2", "", "USD", "1.00", "0", "0", "0", "1.00"],
      ],
      records([charge("C-1", "HP-1", money(1000, "USD"))]),
    );
    expect(result.mismatches.map((m) => [m.kind, m.lineNumber, m.orderNumber])).toEqual([
      ["duplicate-line", 2, "HP-1"],
      ["chargeback", 3, "HP-1"],
      ["chargeback", 4, "HP-1"],
      ["unexpected-type", 5, "HP-2"],
    ]);
    const [usd] = result.totals;
    expect([usd?.captures, usd?.chargebacks, usd?.other, usd?.fees, usd?.net]).toEqual([
      money(2000, "USD"),
      money(0, "USD"),
      money(100, "USD"),
      money(-2000, "USD"),
      money(100, "USD"),
    ]);
    expect(usd?.net).toEqual(usd?.reportedNet);
  });

  it("a due capture missing from the report is not settled; one the report holds is not flagged", () => {
    const held = charge("C-1", "HP-1", money(1000, "USD"));
    const missing = charge("C-9", "HP-2", money(500, "USD"), new Date("2026-11-05T00:00:00Z"));
    const result = reconcile(
      [["C-1", "Capture", "P-1", "HP-1", "USD", "10.00", "0", "0", "0", "10.00"]],
      records([held], [held, missing]),
    );
    expect(result.mismatches).toEqual([
      expect.objectContaining({
        kind: "not-settled",
        transactionId: "C-9",
        orderNumber: "HP-2",
        expected: money(500, "USD"),
        reported: null,
      }),
    ]);
  });
});
