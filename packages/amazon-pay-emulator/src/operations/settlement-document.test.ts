import { describe, expect, it } from "vitest";
import {
  SETTLEMENT_BODY_COLUMNS,
  settlementCsv,
  settlementTime,
  type SettlementRow,
} from "./settlement-document";

const usd = (amount: number) => ({ amount, currency: "USD" as const });

describe("settlement document", () => {
  it("writes the header, then one quoted row per movement with fees and the net amount", () => {
    const rows: SettlementRow[] = [
      {
        postedAt: Date.UTC(2024, 0, 5, 12, 0, 0),
        transactionId: "S01-1111111-1111111-C111111",
        sellerReferenceId: 'ref "1"',
        type: "Capture",
        chargePermissionId: "S01-1111111-1111111",
        amount: usd(10_000),
        percentageFee: usd(-290),
        fixedFee: usd(-30),
      },
    ];
    const csv = settlementCsv({
      sellerId: "A1XX111XXX111X",
      settlementId: "5044561311",
      from: Date.UTC(2024, 0, 1),
      to: Date.UTC(2024, 0, 31),
      rows,
      orderOf: () => ({ sellerOrderId: "HP-1001", storeName: null }),
    });
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 3)).toEqual([
      '"SellerId","SettlementStartDate","SettlementEndDate"',
      '"A1XX111XXX111X","2024-01-01T00:00:00-0000","2024-01-31T00:00:00-0000"',
      "",
    ]);
    expect(lines[3]).toBe(SETTLEMENT_BODY_COLUMNS.map((c) => `"${c}"`).join(","));
    expect(lines[4]).toBe(
      '"2024-01-05T12:00:00-0000","5044561311","S01-1111111-1111111-C111111","ref ""1""","Capture","S01-1111111-1111111","HP-1001","","USD","100.00","-2.90","-0.30","-3.20","96.80"',
    );
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("formats times as Amazon's examples do", () => {
    expect(settlementTime(Date.UTC(2015, 4, 18, 15, 48, 50))).toBe("2015-05-18T15:48:50-0000");
  });
});
