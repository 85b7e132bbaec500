// `npm run settle`: reconcile Amazon Pay's newest settlement report against the orders, store the
// result, print it. Exit 0: every line matched; 1: mismatches to look at; 2: nothing reconciled
// (no completed report yet, Amazon not answering, an unreadable document).
import { settleLatestReport } from "@/lib/settlement/settle";
import { summaryLines } from "@/lib/settlement/summary";

const outcome = await settleLatestReport();
if (outcome.kind !== "reconciled") {
  console.error(`[settle] ${outcome.message}`);
  process.exit(2);
}
for (const line of summaryLines(outcome.reconciliation)) console.log(`[settle] ${line}`);
console.log(`[settle] stored: ${outcome.stored}`);
process.exit(outcome.reconciliation.mismatches.length > 0 ? 1 : 0);
