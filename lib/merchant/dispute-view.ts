// What the merchant pages show of a dispute: plain data for server and client components alike,
// built from the stored row (lib/merchant/disputes-server.ts reads them). Days left count whole
// days to the response deadline, rounded up: "1 day left" means less than a day remains.
import { formatMoney, isCurrency, money, type Money } from "@/lib/money";
import type { Dispute } from "@/lib/prisma/types";
import { disputeTypeText, filingReasonText, statusReasonText } from "./dispute-reasons";

export interface AdminDispute {
  id: string;
  orderNumber: string | null;
  chargeId: string | null;
  type: string;
  state: string;
  /** Where the dispute stands, in words. */
  statusText: string | null;
  filingReason: string | null;
  /** Why the buyer disputed the charge, in words. */
  reasonText: string;
  amount: Money;
  filedAt: string;
  deadline: string | null;
  /** Whole days left to answer, rounded up; null when Amazon does not wait for the merchant. */
  daysLeft: number | null;
  /** Waiting for the merchant and the window is still open. */
  contestable: boolean;
  /** Waiting for the merchant, but the window has closed. */
  windowClosed: boolean;
  resolution: string | null;
  /** What the outcome did to the money, in words; null while open. */
  outcomeText: string | null;
  contestStatement: string | null;
  evidenceFileCount: number;
  contestedAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An amount as stored: minor units and the currency code next to them. */
export function storedMoney(amountMinor: number, currency: string): Money {
  if (!isCurrency(currency)) throw new Error(`unknown currency "${currency}" in the database`);
  return money(amountMinor, currency);
}

function outcomeText(row: Dispute, amount: string): string | null {
  if (row.state === "ActionRequired" || row.state === "UnderReview") return null;
  if (row.resolution === "MerchantWon") return `Won: the ${amount} stays with you.`;
  if (row.resolution === "BuyerWon") return `Lost: the ${amount} went back to the buyer.`;
  return "Ended without a winner: no money was taken back.";
}

export function adminDispute(
  row: Dispute,
  orderNumber: string | null,
  locale: string,
  now = new Date(),
): AdminDispute {
  const amount = storedMoney(row.amountMinor, row.currency);
  const waiting = row.state === "ActionRequired";
  const msLeft = row.responseDeadline ? row.responseDeadline.getTime() - now.getTime() : null;
  const windowClosed = waiting && msLeft !== null && msLeft < 0;
  const fileIds = row.evidenceFileIds ? (JSON.parse(row.evidenceFileIds) as unknown[]) : [];
  return {
    id: row.id,
    orderNumber,
    chargeId: row.chargeId,
    type: disputeTypeText(row.disputeType),
    state: row.state,
    statusText: statusReasonText(row.reasonCode),
    filingReason: row.filingReason,
    reasonText: filingReasonText(row.filingReason),
    amount,
    filedAt: row.filedAt.toISOString(),
    deadline: row.responseDeadline?.toISOString() ?? null,
    daysLeft: waiting && msLeft !== null ? Math.max(0, Math.ceil(msLeft / DAY_MS)) : null,
    contestable: waiting && !windowClosed,
    windowClosed,
    resolution: row.resolution,
    outcomeText: outcomeText(row, formatMoney(amount, locale)),
    contestStatement: row.contestStatement,
    evidenceFileCount: fileIds.length,
    contestedAt: row.contestedAt?.toISOString() ?? null,
  };
}

/** The order's money after its disputes: what is held by open ones and what lost ones took back. */
export interface OrderDisputeMoney {
  disputed: Money;
  chargedBack: Money;
}
