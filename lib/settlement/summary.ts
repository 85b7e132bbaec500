// A reconciliation in plain text lines, for `npm run settle` and logs: the report, the totals per
// currency, then every mismatch with both amounts in minor units and currency.
import { formatMoney, type Money } from "@/lib/money";
import type { Mismatch, Reconciliation } from "./result";

/** "1999 USD ($19.99)": exact minor units first, so no rounding hides a cent. Logs are in en-US. */
export function describeMoney(value: Money | null): string {
  return value ? `${value.amount} ${value.currency} (${formatMoney(value, "en-US")})` : "none";
}

export function describeMismatch(m: Mismatch): string {
  const where = [
    m.lineNumber === null ? null : `line ${m.lineNumber}`,
    m.transactionId,
    m.orderNumber ? `order ${m.orderNumber}` : null,
  ].filter((part) => part !== null);
  return `${m.kind}${where.length ? ` (${where.join(", ")})` : ""}: shop ${describeMoney(m.expected)}, report ${describeMoney(m.reported)}. ${m.detail}`;
}

export function summaryLines(r: Reconciliation): string[] {
  const matched = r.lines.filter((line) => line.matched).length;
  const lines = [
    `report ${r.reportId}${r.settlementId ? ` (settlement ${r.settlementId})` : ""}, ${r.periodStart ?? "?"} to ${r.periodEnd ?? "?"}`,
    `${r.lines.length} lines, ${matched} matched, ${r.mismatches.length} mismatches (captures are expected within ${r.expectedDays} days)`,
  ];
  for (const t of r.totals) {
    lines.push(
      `${t.currency}: captures ${describeMoney(t.captures)}, refunds ${describeMoney(t.refunds)}, chargebacks ${describeMoney(t.chargebacks)}, other ${describeMoney(t.other)}, fees ${describeMoney(t.fees)}, net ${describeMoney(t.net)}; report's net ${describeMoney(t.reportedNet)}`,
    );
  }
  for (const m of r.mismatches) lines.push(`mismatch ${describeMismatch(m)}`);
  return lines;
}
