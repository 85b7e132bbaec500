// What completing a checkout came to, as the buyer's next page needs it. Shared by Complete, the
// adoption of a session's own outcome, and the reconciler.
import type { Order } from "@/lib/prisma/types";

export type CompleteResult =
  | { kind: "placed"; orderNumber: string }
  | { kind: "failed"; orderNumber: string }
  | { kind: "unconfirmed"; orderNumber: string }
  | { kind: "not-found" };

/** The result an order already records (it is no longer a Draft, or is still waiting). */
export function outcomeOf(order: Pick<Order, "status" | "orderNumber">): CompleteResult {
  if (order.status === "Failed") return { kind: "failed", orderNumber: order.orderNumber };
  if (order.status === "Draft") return { kind: "unconfirmed", orderNumber: order.orderNumber };
  return { kind: "placed", orderNumber: order.orderNumber };
}
