// The order a Finalize pays for. It is written once, with its lines and amounts frozen and its
// completion claim taken in the same insert, and never re-priced: a second request for the
// same Checkout Session (a retry, a double click, an app sending other quantities) finds it and
// may only finalize it as it stands. Only then can the amount Amazon charges and the order's
// lines and total never drift apart.
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import type { PaymentIntent } from "@/lib/env";
import type { Order, OrderLine, PrismaClient } from "@/lib/prisma/types";
import { completionClaimTtlMs } from "@/lib/orders/completion-claim";
import { newOrderNumber } from "@/lib/orders/order-number";
import type { Quote } from "@/lib/pricing/quote";
import { isUniqueViolation } from "@/lib/prisma/errors";
import type { CheckoutFlow } from "./binding";
import { NOT_SHIPPED } from "./finalize-items";
import { buyerSnapshot } from "./session-outcome";

export type StoredOrder = Order & { lines: OrderLine[] };

export interface FrozenOrderInput {
  sessionId: string;
  cartId: string;
  flow: Exclude<CheckoutFlow, "redirect">;
  intent: PaymentIntent;
  lines: readonly {
    productId: string;
    name: string;
    unitPrice: { amount: number };
    quantity: number;
    lineTotal: { amount: number };
  }[];
  quote: Quote;
  /** False when nothing in the order is shipped: it records no shipping method. */
  ships: boolean;
  /** The completion claim's holder name of the request writing the order. */
  holder: string;
  /** Who buys, where it ships, how they pay: the order's copy of what Amazon shared. */
  snapshot: ReturnType<typeof finalizeSnapshot>;
}

/** The order's copy of the buyer, the shipping address (none for PayOnly) and the billing address. */
export function finalizeSnapshot(
  session: Pick<CheckoutSession, "buyer" | "shippingAddress" | "billingAddress" | "paymentPreferences">,
) {
  const billing = session.billingAddress;
  return {
    ...buyerSnapshot(session),
    billName: billing?.name ?? null,
    billLine1: billing?.addressLine1 ?? null,
    billLine2: billing?.addressLine2 ?? null,
    billLine3: billing?.addressLine3 ?? null,
    billCity: billing?.city ?? null,
    billDistrict: billing?.district ?? null,
    billCounty: billing?.county ?? null,
    billState: billing?.stateOrRegion ?? null,
    billPostalCode: billing?.postalCode ?? null,
    billCountry: billing?.countryCode ?? null,
    billPhone: billing?.phoneNumber ?? null,
  };
}

export type FrozenOrder =
  | { kind: "created"; order: StoredOrder }
  /** An order for the session already exists (this cart's): it rules, whatever this request asked. */
  | { kind: "stored"; order: StoredOrder }
  | { kind: "foreign" };

/** The order of a Checkout Session with its lines, or null. */
export const findStoredOrder = (prisma: PrismaClient, sessionId: string): Promise<StoredOrder | null> =>
  prisma.order.findUnique({ where: { checkoutSessionId: sessionId }, include: { lines: true } });

/** Writes the frozen order for the session, unless one exists already. */
export async function freezeFinalizeOrder(
  prisma: PrismaClient,
  input: FrozenOrderInput,
): Promise<FrozenOrder> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findStoredOrder(prisma, input.sessionId);
    if (existing)
      return existing.cartId === input.cartId ? { kind: "stored", order: existing } : { kind: "foreign" };
    const now = new Date();
    try {
      const order = await prisma.order.create({
        data: {
          ...input.snapshot,
          orderNumber: newOrderNumber(),
          cartId: input.cartId,
          checkoutSessionId: input.sessionId,
          flow: input.flow,
          status: "Draft",
          paymentIntent: input.intent,
          currency: input.quote.currency,
          subtotalMinor: input.quote.subtotal.amount,
          shippingMinor: input.quote.shipping.amount,
          taxMinor: input.quote.tax.amount,
          totalMinor: input.quote.total.amount,
          // Buy Now and the mobile route charge in the ledger currency (docs/multi-currency.md).
          ledgerCurrency: input.quote.currency,
          ledgerTotalMinor: input.quote.total.amount,
          exchangeRate: "1",
          shippingMethod: input.ships ? input.quote.shippingMethod : NOT_SHIPPED,
          completionStartedAt: now,
          // Born claimed: no one else may call Finalize for it before its writer has.
          completionClaimedBy: input.holder,
          completionClaimUntil: new Date(now.getTime() + completionClaimTtlMs()),
          lines: {
            create: input.lines.map((line) => ({
              productId: line.productId,
              name: line.name,
              unitPriceMinor: line.unitPrice.amount,
              quantity: line.quantity,
              lineTotalMinor: line.lineTotal.amount,
            })),
          },
        },
        include: { lines: true },
      });
      return { kind: "created", order };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a concurrent request wrote it first: read theirs
    }
  }
  throw new Error(`could not write the order for checkout session ${input.sessionId}`);
}
