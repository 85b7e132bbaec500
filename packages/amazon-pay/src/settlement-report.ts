// Reading a settlement report document (the file behind Get Report Document's URL): its header
// (seller, period) and one entry per money movement, keyed by Amazon's column names. Accepts
// comma- or tab-separated text, quoted or not; amounts stay decimal strings, as the API sends
// them. Columns the file has beyond the documented ones are kept under `columns`.

export interface SettlementReportHeader {
  sellerId: string | null;
  settlementStartDate: string | null;
  settlementEndDate: string | null;
}

export interface SettlementTransaction {
  transactionPostedDate: string;
  settlementId: string | null;
  /** chargeId, refundId or dispute id. */
  amazonTransactionId: string | null;
  sellerReferenceId: string | null;
  /** Capture, Refund, Chargeback, Dispute, Adjustment, ... */
  transactionType: string;
  /** The chargePermissionId. */
  amazonOrderReferenceId: string | null;
  sellerOrderId: string | null;
  storeName: string | null;
  currencyCode: string | null;
  transactionAmount: string | null;
  transactionPercentageFee: string | null;
  transactionFixedFee: string | null;
  totalTransactionFee: string | null;
  netTransactionAmount: string | null;
  /** Every column of the row by its name in the file. */
  columns: Record<string, string>;
}

export interface SettlementReport {
  header: SettlementReportHeader;
  transactions: SettlementTransaction[];
}

export class SettlementReportError extends Error {
  override name = "SettlementReportError";
}

/** Splits one line into fields; quotes may wrap a field and are doubled inside it. */
function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === delimiter) {
      out.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  out.push(current);
  return out.map((field) => field.trim());
}

const blankToNull = (value: string | undefined) => (value === undefined || value === "" ? null : value);

export function parseSettlementReport(text: string): SettlementReport {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const delimiter = (lines[0] ?? "").includes("\t") ? "\t" : ",";
  const bodyAt = lines.findIndex((line) => fields(line, delimiter)[0] === "TransactionPostedDate");
  if (bodyAt === -1)
    throw new SettlementReportError("no TransactionPostedDate column: not a settlement report");
  const headerNames = bodyAt > 0 ? fields(lines[0] ?? "", delimiter) : [];
  const headerValues = bodyAt > 1 ? fields(lines[1] ?? "", delimiter) : [];
  const headerValue = (name: string) => blankToNull(headerValues[headerNames.indexOf(name)]);
  const columns = fields(lines[bodyAt] ?? "", delimiter);
  const transactions = lines
    .slice(bodyAt + 1)
    .filter((line) => line.trim() !== "")
    .map((line): SettlementTransaction => {
      const values = fields(line, delimiter);
      const row = Object.fromEntries(columns.map((name, i) => [name, values[i] ?? ""]));
      const get = (name: string) => blankToNull(row[name]);
      return {
        transactionPostedDate: row.TransactionPostedDate ?? "",
        settlementId: get("SettlementId"),
        amazonTransactionId: get("AmazonTransactionId"),
        sellerReferenceId: get("SellerReferenceId"),
        transactionType: row.TransactionType ?? "",
        amazonOrderReferenceId: get("AmazonOrderReferenceId"),
        sellerOrderId: get("SellerOrderId"),
        storeName: get("StoreName"),
        currencyCode: get("CurrencyCode"),
        transactionAmount: get("TransactionAmount"),
        transactionPercentageFee: get("TransactionPercentageFee"),
        transactionFixedFee: get("TransactionFixedFee"),
        totalTransactionFee: get("TotalTransactionFee"),
        netTransactionAmount: get("NetTransactionAmount"),
        columns: row,
      };
    });
  return {
    header: {
      sellerId: headerValue("SellerId"),
      settlementStartDate: headerValue("SettlementStartDate"),
      settlementEndDate: headerValue("SettlementEndDate"),
    },
    transactions,
  };
}
