import { describe, expect, it } from "vitest";
import { parseSettlementReport, SettlementReportError } from "./settlement-report";

const quoted = [
  '"SellerId","SettlementStartDate","SettlementEndDate"',
  '"A1XX111XXX111X","2024-01-01T00:00:00-0000","2024-01-31T00:00:00-0000"',
  "",
  '"TransactionPostedDate","SettlementId","AmazonTransactionId","SellerReferenceId","TransactionType","AmazonOrderReferenceId","SellerOrderId","StoreName","CurrencyCode","TransactionAmount","TransactionPercentageFee","TransactionFixedFee","TotalTransactionFee","NetTransactionAmount"',
  '"2024-01-05T12:00:00-0000","5044561311","S01-1111111-1111111-C111111","","Capture","S01-1111111-1111111","HP-1001","Harbor & Pine, ""Main""","USD","100.00","-2.90","-0.30","-3.20","96.80"',
  '"2024-01-06T12:00:00-0000","5044561311","S01-1111111-1111111-R111111","","Refund","S01-1111111-1111111","HP-1001","","USD","-40.00","1.16","0.00","1.16","-38.84"',
  "",
].join("\r\n");

describe("parseSettlementReport", () => {
  it("reads the header and every transaction of a quoted CSV document", () => {
    const report = parseSettlementReport(quoted);
    expect(report.header).toEqual({
      sellerId: "A1XX111XXX111X",
      settlementStartDate: "2024-01-01T00:00:00-0000",
      settlementEndDate: "2024-01-31T00:00:00-0000",
    });
    expect(report.transactions).toHaveLength(2);
    expect(report.transactions[0]).toMatchObject({
      transactionType: "Capture",
      amazonTransactionId: "S01-1111111-1111111-C111111",
      sellerReferenceId: null,
      amazonOrderReferenceId: "S01-1111111-1111111",
      sellerOrderId: "HP-1001",
      storeName: 'Harbor & Pine, "Main"',
      transactionAmount: "100.00",
      totalTransactionFee: "-3.20",
      netTransactionAmount: "96.80",
    });
    expect(report.transactions[1]?.storeName).toBeNull();
  });

  it("reads tab-separated documents and keeps columns it does not know", () => {
    const tsv = [
      "TransactionPostedDate\tTransactionType\tTransactionAmount\tTransactionDescription",
      "2024-01-05T12:00:00-0000\tCapture\t10.00\tOrder 1",
    ].join("\n");
    const [row] = parseSettlementReport(tsv).transactions;
    expect(row).toMatchObject({ transactionType: "Capture", transactionAmount: "10.00", settlementId: null });
    expect(row?.columns.TransactionDescription).toBe("Order 1");
    expect(parseSettlementReport(tsv).header.sellerId).toBeNull();
  });

  it("refuses a document without the settlement columns", () => {
    expect(() => parseSettlementReport("a,b\n1,2")).toThrow(SettlementReportError);
  });
});
