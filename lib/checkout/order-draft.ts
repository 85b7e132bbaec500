// Creates or refreshes the Draft order for a checkout session with its amounts frozen: the
// lines, prices and totals the buyer reviewed. Only a Draft order of the same cart may be
// refreshed, and only while the buyer has not been sent to Amazon yet.
import type { CartView } from "@/lib/cart/repository";
import type { PaymentIntent } from "@/lib/env";
import type { Order, PrismaClient } from "@/lib/prisma/types";
import type { Quote } from "@/lib/pricing/quote";
import type { ExchangeRate } from "@/lib/presentment/exchange-rate";
import { isUniqueViolation } from "@/lib/prisma/errors";
import type { CheckoutFlow } from "./binding";
import { newOrderNumber } from "@/lib/orders/order-number";

export interface DraftInput {
  sessionId: string;
  cartId: string;
  flow: CheckoutFlow;
  intent: PaymentIntent;
  lines: Pick<CartView["lines"][number], "productId" | "name" | "unitPrice" | "quantity" | "lineTotal">[];
  quote: Quote;
  /** The ledger-currency quote and the rate when the buyer pays in another currency. */
  ledger?: { quote: Quote; rate: ExchangeRate };
}

/** The order columns "Place order" goes on with. */
const PLACED_DRAFT_COLUMNS = {
  id: true,
  orderNumber: true,
  cartId: true,
  status: true,
  redirectedAt: true,
  version: true,
} as const;

export type PlacedDraft = Pick<Order, keyof typeof PLACED_DRAFT_COLUMNS>;

export type DraftResult =
  | { ok: true; order: PlacedDraft }
  | { ok: false; reason: "foreign" | "not-draft" | "already-redirected"; order: PlacedDraft };

function amounts(input: DraftInput) {
  return {
    paymentIntent: input.intent,
    currency: input.quote.currency,
    subtotalMinor: input.quote.subtotal.amount,
    shippingMinor: input.quote.shipping.amount,
    taxMode: input.quote.taxMode,
    taxMinor: input.quote.tax.amount,
    totalMinor: input.quote.total.amount,
    ledgerCurrency: input.ledger?.quote.currency ?? input.quote.currency,
    ledgerTotalMinor: input.ledger?.quote.total.amount ?? input.quote.total.amount,
    exchangeRate: input.ledger?.rate.text ?? "1",
    shippingMethod: input.quote.shippingMethod,
  };
}

const lineRows = (input: DraftInput) =>
  input.lines.map((line) => ({
    productId: line.productId,
    name: line.name,
    unitPriceMinor: line.unitPrice.amount,
    quantity: line.quantity,
    lineTotalMinor: line.lineTotal.amount,
  }));

export async function upsertDraftOrder(prisma: PrismaClient, input: DraftInput): Promise<DraftResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // Most sessions have no order yet: create it, and read the existing one only when the unique
    // checkoutSessionId refuses (an earlier or concurrent "Place order" created it). One nested
    // create (it also reads the order back) costs less CPU than two INSERTs in a transaction of
    // our own: Prisma compiles each query, not each statement.
    try {
      const order = await prisma.order.create({
        data: {
          orderNumber: newOrderNumber(),
          cartId: input.cartId,
          checkoutSessionId: input.sessionId,
          flow: input.flow,
          status: "Draft",
          ...amounts(input),
          lines: { create: lineRows(input) },
        },
        select: PLACED_DRAFT_COLUMNS,
      });
      return { ok: true, order };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await prisma.order.findUnique({
      where: { checkoutSessionId: input.sessionId },
      select: PLACED_DRAFT_COLUMNS,
    });
    if (!existing) continue; // the order number was taken, not the session: try a new one
    if (existing.cartId !== input.cartId) return { ok: false, reason: "foreign", order: existing };
    if (existing.status !== "Draft") return { ok: false, reason: "not-draft", order: existing };
    if (existing.redirectedAt) return { ok: false, reason: "already-redirected", order: existing };
    const refreshed = await prisma.$transaction(async (tx) => {
      const updated = await tx.order.updateMany({
        where: { id: existing.id, version: existing.version, status: "Draft", redirectedAt: null },
        data: { ...amounts(input), placedAt: new Date(), version: { increment: 1 } },
      });
      if (updated.count === 0) return null;
      await tx.orderLine.deleteMany({ where: { orderId: existing.id } });
      await tx.orderLine.createMany({
        data: lineRows(input).map((row) => ({ ...row, orderId: existing.id })),
      });
      // What the guarded UPDATE wrote: the same Draft, one version on.
      return { ...existing, version: existing.version + 1 };
    });
    if (refreshed) return { ok: true, order: refreshed };
  }
  throw new Error(`could not create the order for checkout session ${input.sessionId}`);
}
