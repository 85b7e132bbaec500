// What the shop recorded that a settlement report is compared with: the charges and refunds it
// names, the orders it refers to, and the captures it should contain.
import type { Money } from "@/lib/money";

export interface ChargeRecord {
  chargeId: string;
  orderNumber: string;
  /** The amount the shop recorded as captured on this charge. */
  captured: Money;
  /** When the shop first saw it Captured. */
  capturedAt: Date | null;
}

export interface RefundRecord {
  refundId: string;
  orderNumber: string;
  amount: Money;
  state: string;
}

export interface DisputeRecord {
  disputeId: string;
  orderNumber: string | null;
  /** The disputed amount (positive). */
  amount: Money;
  state: string;
  resolution: string | null;
}

export interface ShopRecords {
  charges: ReadonlyMap<string, ChargeRecord>;
  refunds: ReadonlyMap<string, RefundRecord>;
  /** Chargebacks the shop recorded from Amazon's disputes, by dispute id. */
  disputes: ReadonlyMap<string, DisputeRecord>;
  /** Order numbers that exist, for lines found by merchant reference. */
  orderNumbers: ReadonlySet<string>;
  /** chargePermissionId → order number. */
  orderByChargePermission: ReadonlyMap<string, string>;
  /** Captured charges that the report should contain (captured in its period, before the delay). */
  dueCaptures: readonly ChargeRecord[];
}
