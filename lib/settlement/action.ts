"use server";

import { refresh } from "next/cache";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { isAdmin } from "@/lib/admin/auth";
import { settleLatestReport } from "./settle";

// Checks the merchant session itself: an action can be posted to any path, so the proxy's
// protection of /admin alone is not enough. The form carries no input.
export async function fetchSettlementAction(
  _previous: ActionResult | null,
  _form: FormData,
): Promise<ActionResult> {
  if (!(await isAdmin())) return failure("Sign in to the merchant area first.");
  const outcome = await settleLatestReport();
  if (outcome.kind !== "reconciled") return failure(outcome.message);
  refresh();
  const { reportId, lines, mismatches } = outcome.reconciliation;
  const found =
    mismatches.length === 0
      ? "every line matched"
      : `${mismatches.length} ${mismatches.length === 1 ? "mismatch" : "mismatches"} to look at`;
  return success(undefined, { message: `Report ${reportId}: ${lines.length} lines, ${found}.` });
}
