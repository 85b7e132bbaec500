import "server-only";
// When Complete/Finalize did not answer with a completed session, the session itself says what
// happened: Completed (an earlier attempt went through: adopt it, reading the real charge),
// Canceled (the buyer canceled, the payment was declined, or it expired: the order fails), or
// still Open. Open after a "not yet" refusal (the buyer has not finished Amazon's page) is not a
// failure: the order stays a Draft and is asked again later. Open after any other refusal (an
// amount that does not match) fails the order; Amazon never charges an uncompleted session.
import { AmazonPayError } from "@storefront/amazon-pay/errors";
import { db } from "@/lib/db";
import { applyEventToOrder } from "@/lib/orders/apply-event";
import { nextPollAt } from "@/lib/orders/poll-schedule";
import { asPaymentIntent } from "@/lib/orders/snapshot";
import type { EventSource } from "@/lib/payment-events";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { withAmazonPayAudit } from "@/lib/amazon-pay/audit";
import type { DraftOrder } from "@/lib/orders/draft-order";
import { applyCompletion } from "./apply-completion";
import { completionEvent } from "./completion-event";
import type { CompleteResult } from "./complete-result";

/** Refusals that, while the session is still Open, mean "not yet" rather than "never". */
const NOT_YET_REFUSALS: ReadonlySet<string> = new Set(["InvalidCheckoutSessionStatus"]);

export interface Adoption {
  result: CompleteResult;
  /** Amazon refused the attempt while the session is still Open: the next attempt needs a new key. */
  notYet: boolean;
}

/** The order follows its session's own state. */
export async function adoptSessionOutcome(
  order: DraftOrder,
  source: EventSource,
  refusal?: string,
): Promise<CompleteResult> {
  return (await adoptSession(order, source, refusal)).result;
}

export async function adoptSession(
  order: DraftOrder,
  source: EventSource,
  refusal?: string,
): Promise<Adoption> {
  const prisma = db();
  const { client } = amazonPay();
  const settled = (result: CompleteResult): Adoption => ({ result, notYet: false });
  try {
    const read = await withAmazonPayAudit(prisma, { orderId: order.id, source }, async () => {
      const { data } = await client.checkoutSessions.get(order.checkoutSessionId);
      if (data.statusDetails.state !== "Completed" || !data.chargeId) return { session: data, charge: null };
      return { session: data, charge: (await client.charges.get(data.chargeId)).data };
    });
    const state = read.session.statusDetails.state;
    if (state === "Completed") {
      const event = completionEvent({
        session: read.session,
        httpStatus: 200,
        intent: asPaymentIntent(order.paymentIntent),
        totalMinor: order.totalMinor,
        source,
        charge: read.charge,
      });
      if (event) {
        const { order: after } = await applyCompletion(prisma, order, event);
        return settled(
          after.status === "Failed"
            ? { kind: "failed", orderNumber: after.orderNumber }
            : { kind: "placed", orderNumber: after.orderNumber },
        );
      }
      // Completed without a charge permission breaks Amazon's contract: never fail a paid checkout on it.
      await scheduleNextDraftCheck(order);
      return settled({ kind: "unconfirmed", orderNumber: order.orderNumber });
    }
    if (state === "Open" && (refusal === undefined || NOT_YET_REFUSALS.has(refusal))) {
      await scheduleNextDraftCheck(order);
      return {
        result: { kind: "unconfirmed", orderNumber: order.orderNumber },
        notYet: refusal !== undefined,
      };
    }
    const reason =
      state === "Canceled"
        ? (read.session.statusDetails.reasonCode ?? "Canceled")
        : (refusal ?? "CompleteRefused");
    const { order: after } = await applyEventToOrder(prisma, order.id, {
      type: "checkout.failed",
      source,
      reason,
    });
    return settled(
      after.status === "Failed"
        ? { kind: "failed", orderNumber: after.orderNumber }
        : { kind: "placed", orderNumber: after.orderNumber },
    );
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    if (error.reasonCode === "ResourceNotFound") {
      await applyEventToOrder(prisma, order.id, {
        type: "checkout.failed",
        source,
        reason: "ResourceNotFound",
      });
      return settled({ kind: "failed", orderNumber: order.orderNumber });
    }
    await prisma.order.update({
      where: { id: order.id },
      data: { nextCheckAt: new Date(Date.now() + 10_000) },
    });
    return settled({ kind: "unconfirmed", orderNumber: order.orderNumber });
  }
}

/** The reconciler looks at a Draft again after a doubling delay (poll-schedule). */
export async function scheduleNextDraftCheck(
  order: Pick<DraftOrder, "id" | "checkAttempts">,
  now = new Date(),
): Promise<void> {
  await db().order.updateMany({
    where: { id: order.id, status: "Draft" },
    data: { checkAttempts: { increment: 1 }, nextCheckAt: nextPollAt(now, order.checkAttempts) },
  });
}
