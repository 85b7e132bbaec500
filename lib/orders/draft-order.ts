// The columns that completing, adopting and reconciling a Draft order read, and nothing more: an
// Order row has some seventy columns, and reading them all on every completion, IPN and
// reconciler pass costs more CPU than the work itself.
import type { Order } from "@/lib/prisma/types";

export const DRAFT_ORDER_COLUMNS = {
  id: true,
  orderNumber: true,
  cartId: true,
  checkoutSessionId: true,
  flow: true,
  status: true,
  paymentIntent: true,
  currency: true,
  totalMinor: true,
  createdAt: true,
  redirectedAt: true,
  completionStartedAt: true,
  completionClaimedBy: true,
  completionClaimUntil: true,
  nextCheckAt: true,
  checkAttempts: true,
} as const;

export type DraftOrder = Pick<Order, keyof typeof DRAFT_ORDER_COLUMNS>;
