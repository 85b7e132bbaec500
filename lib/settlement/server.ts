import "server-only";
// The merchant's read of settlement: the latest stored reconciliation. Callers must have checked
// the merchant session (proxy + page).
import { latestStoredReconciliation, type StoredReconciliation } from "./stored-reports";

export type SettlementView = StoredReconciliation;

export function latestSettlement(): Promise<SettlementView | null> {
  return latestStoredReconciliation();
}
