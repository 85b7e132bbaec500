// `npm run reconcile`: one reconciliation pass (for cron, or after an outage), then exit.
import { reconcileOnce } from "@/lib/reconciliation/reconciler";

const summary = await reconcileOnce({ limit: 500 });
console.log(
  `[reconcile] drafts ${summary.drafts}, charges ${summary.charges}, refunds ${summary.refunds}, disputes ${summary.disputes}, changed ${summary.changed}, errors ${summary.errors}`,
);
process.exit(summary.errors > 0 ? 1 : 0);
