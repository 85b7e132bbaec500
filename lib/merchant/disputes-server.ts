import "server-only";
// The merchant's reads of disputes: one order's disputes with what they did to its money, and
// every dispute that still needs attention (open, or not matched to an order), the nearest
// deadline first. Callers must have checked the merchant session (proxy + page).
import { db } from "@/lib/db";
import { currentMarket } from "@/lib/market/server";
import { chargedBackMinor, disputedMinor } from "@/lib/orders/dispute-facts";
import { disputeFact } from "@/lib/orders/snapshot";
import { adminDispute, storedMoney, type AdminDispute, type OrderDisputeMoney } from "./dispute-view";

const OPEN_STATES = ["ActionRequired", "UnderReview"];

export async function getOrderDisputes(
  orderNumber: string,
  now = new Date(),
): Promise<{ disputes: AdminDispute[]; money: OrderDisputeMoney } | null> {
  const order = await db().order.findUnique({
    where: { orderNumber },
    select: { currency: true, disputes: { orderBy: { filedAt: "asc" } } },
  });
  if (!order) return null;
  const facts = order.disputes.map(disputeFact);
  return {
    disputes: order.disputes.map((row) => adminDispute(row, orderNumber, currentMarket().locale, now)),
    money: {
      disputed: storedMoney(disputedMinor(facts), order.currency),
      chargedBack: storedMoney(chargedBackMinor(facts), order.currency),
    },
  };
}

/**
 * Disputes that need the merchant: waiting for an answer (nearest deadline first, so the most
 * urgent leads), then under review, then any not matched to an order, whatever their state.
 */
export async function listOpenDisputes(now = new Date(), limit = 200): Promise<AdminDispute[]> {
  const rows = await db().dispute.findMany({
    where: { OR: [{ state: { in: OPEN_STATES } }, { orderId: null }] },
    include: { order: { select: { orderNumber: true } } },
    orderBy: [{ responseDeadline: "asc" }, { filedAt: "asc" }],
    take: limit,
  });
  const rank = (state: string) => (state === "ActionRequired" ? 0 : state === "UnderReview" ? 1 : 2);
  return rows
    .map((row) => adminDispute(row, row.order?.orderNumber ?? null, currentMarket().locale, now))
    .sort((a, b) => rank(a.state) - rank(b.state));
}
