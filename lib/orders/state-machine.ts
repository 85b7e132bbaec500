// The order state machine: every order status, every allowed transition, and the event that
// causes it. Pure functions only; lib/orders/apply-event.ts persists the decisions with
// compare-and-set, so an IPN, a poll and the buyer's return racing each other converge.
//
// The order status is derived from payment facts (the Amazon objects' states, always read from
// the API, lib/orders/payment-facts.ts) plus the checkout outcome. Facts only move forward, so
// applying observations in any order, any number of times, yields the same status.
import type { PaymentIntent } from "@/lib/env";
import type { EventSource } from "@/lib/payment-events";
import {
  mergePermission,
  upsertCharge,
  upsertRefund,
  type ChargeFact,
  type PermissionFact,
  type RefundFact,
} from "./payment-facts";
import { upsertDispute, type DisputeFact } from "./dispute-facts";

export const ORDER_STATUSES = [
  "Draft", // amounts frozen, buyer sent to Amazon; checkout not completed yet
  "PaymentPending", // checkout completed, authorization pending (Complete/Finalize answered 202)
  "Authorized", // authorized, waiting for capture (paymentIntent Authorize)
  "AwaitingCharge", // charge permission chargeable, no charge yet (paymentIntent Confirm)
  "PartiallyPaid", // some of the total captured
  "Paid", // the total captured
  "PartiallyRefunded",
  "Refunded",
  "Failed", // checkout or authorization failed; the buyer keeps the cart and can retry
  "Canceled", // authorization canceled or charge permission closed before any capture
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FULFILLMENT_STATUSES = ["Unfulfilled", "Shipped"] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export interface OrderSnapshot {
  status: OrderStatus;
  fulfillmentStatus: FulfillmentStatus;
  intent: PaymentIntent;
  totalMinor: number;
  chargePermissionId: string | null;
  permission: PermissionFact | null;
  charges: readonly ChargeFact[];
  refunds: readonly RefundFact[];
  /** Chargebacks and claims against the order's charges (lib/orders/dispute-facts.ts). */
  disputes: readonly DisputeFact[];
  failureReason: string | null;
}

export type OrderEvent =
  | {
      type: "checkout.completed";
      source: EventSource;
      chargePermissionId: string;
      permission: PermissionFact | null;
      charge: ChargeFact | null;
    }
  | { type: "checkout.failed"; source: EventSource; reason: string }
  | {
      type: "charge.observed";
      source: EventSource;
      charge: ChargeFact;
      /** The charge permission Amazon says the charge belongs to, when known: another order's is refused. */
      chargePermissionId?: string;
    }
  | { type: "refund.observed"; source: EventSource; refund: RefundFact }
  | { type: "permission.observed"; source: EventSource; permission: PermissionFact }
  | { type: "dispute.observed"; source: EventSource; dispute: DisputeFact }
  | { type: "order.shipped"; source: EventSource };

export type Outcome =
  | { kind: "applied"; next: OrderSnapshot; from: OrderStatus; to: OrderStatus }
  | { kind: "unchanged"; reason: string }
  | { kind: "refused"; reason: string };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The order status that the payment facts imply (for orders whose checkout completed). */
export function derivePaymentStatus(
  snapshot: Pick<OrderSnapshot, "totalMinor" | "charges" | "refunds" | "permission">,
): OrderStatus {
  const { charges, refunds, permission, totalMinor } = snapshot;
  const captured = sum(charges.filter((c) => c.state === "Captured").map((c) => c.capturedMinor));
  const refunded = sum(refunds.filter((r) => r.state === "Refunded").map((r) => r.amountMinor));
  if (refunded > 0) return refunded >= captured ? "Refunded" : "PartiallyRefunded";
  if (captured > 0) return captured >= totalMinor ? "Paid" : "PartiallyPaid";
  if (charges.some((c) => c.state === "Authorized" || c.state === "CaptureInitiated")) return "Authorized";
  if (charges.some((c) => c.state === "AuthorizationInitiated")) return "PaymentPending";
  if (charges.length > 0 && charges.every((c) => c.state === "Declined")) return "Failed";
  if (charges.length > 0) return "Canceled"; // only canceled (or canceled and declined) charges
  if (permission?.state === "Closed") return "Canceled";
  return "AwaitingCharge";
}

/** An order whose checkout went through: neither still a Draft nor Failed. */
export const checkoutDone = (status: string): boolean => status !== "Draft" && status !== "Failed";
// An order whose only charge was declined is Failed, yet its checkout completed: a later charge on
// the same permission may still pay it, so its refunds, permission and disputes are recorded too.
const checkoutCompleted = (snapshot: OrderSnapshot) =>
  checkoutDone(snapshot.status) || (snapshot.status === "Failed" && snapshot.charges.length > 0);

function settle(snapshot: OrderSnapshot, next: OrderSnapshot, noChange: string): Outcome {
  if (JSON.stringify(next) === JSON.stringify(snapshot)) return { kind: "unchanged", reason: noChange };
  return { kind: "applied", next, from: snapshot.status, to: next.status };
}

/** Decides what an event does to an order. Never throws; illegal events are refused with a reason. */
export function applyOrderEvent(snapshot: OrderSnapshot, event: OrderEvent): Outcome {
  switch (event.type) {
    case "checkout.completed": {
      if (snapshot.status === "Failed") {
        // Amazon completed a checkout we had given up on (e.g. a retried Complete after a
        // timeout): the money facts win, the order comes back to life.
      } else if (checkoutDone(snapshot.status)) {
        if (snapshot.chargePermissionId !== event.chargePermissionId) {
          return {
            kind: "refused",
            reason: `checkout already completed with charge permission ${snapshot.chargePermissionId}`,
          };
        }
      }
      const withCharge = event.charge
        ? upsertCharge(snapshot.charges, event.charge)
        : { charges: [...snapshot.charges], stale: false };
      const { permission } = mergePermission(snapshot.permission, event.permission);
      const base = {
        ...snapshot,
        chargePermissionId: event.chargePermissionId,
        permission,
        charges: withCharge.charges,
        failureReason: null,
      };
      return settle(
        snapshot,
        { ...base, status: derivePaymentStatus(base) },
        "checkout completion already recorded",
      );
    }
    case "checkout.failed": {
      if (snapshot.status === "Failed")
        return { kind: "unchanged", reason: "checkout failure already recorded" };
      if (snapshot.status !== "Draft")
        return { kind: "refused", reason: `cannot fail checkout of an order that is ${snapshot.status}` };
      return {
        kind: "applied",
        next: { ...snapshot, status: "Failed", failureReason: event.reason },
        from: "Draft",
        to: "Failed",
      };
    }
    case "charge.observed": {
      if (!checkoutDone(snapshot.status) && snapshot.status !== "Failed") {
        return {
          kind: "refused",
          reason: `charge ${event.charge.chargeId} observed before checkout completed`,
        };
      }
      if (
        event.chargePermissionId &&
        snapshot.chargePermissionId &&
        event.chargePermissionId !== snapshot.chargePermissionId
      ) {
        return {
          kind: "refused",
          reason: `charge ${event.charge.chargeId} belongs to charge permission ${event.chargePermissionId}, not this order's ${snapshot.chargePermissionId}`,
        };
      }
      if (snapshot.status === "Failed" && snapshot.charges.length === 0) {
        return {
          kind: "refused",
          reason: `charge ${event.charge.chargeId} observed for an order whose checkout failed`,
        };
      }
      const result = upsertCharge(snapshot.charges, event.charge);
      if (result.stale) {
        const current = snapshot.charges.find((c) => c.chargeId === event.charge.chargeId)?.state;
        return {
          kind: "refused",
          reason: `charge ${event.charge.chargeId} cannot move from ${current} to ${event.charge.state}`,
        };
      }
      const base = { ...snapshot, charges: result.charges };
      return settle(
        snapshot,
        { ...base, status: derivePaymentStatus(base) },
        "charge state already recorded",
      );
    }
    case "refund.observed": {
      if (!checkoutCompleted(snapshot))
        return { kind: "refused", reason: `refund observed for an order that is ${snapshot.status}` };
      const result = upsertRefund(snapshot.refunds, event.refund);
      if (result.stale) {
        const current = snapshot.refunds.find((r) => r.refundId === event.refund.refundId)?.state;
        return {
          kind: "refused",
          reason: `refund ${event.refund.refundId} cannot move from ${current} to ${event.refund.state}`,
        };
      }
      const base = { ...snapshot, refunds: result.refunds };
      return settle(
        snapshot,
        { ...base, status: derivePaymentStatus(base) },
        "refund state already recorded",
      );
    }
    case "permission.observed": {
      if (!checkoutCompleted(snapshot))
        return {
          kind: "refused",
          reason: `charge permission observed for an order that is ${snapshot.status}`,
        };
      const merged = mergePermission(snapshot.permission, event.permission);
      if (merged.stale) return { kind: "unchanged", reason: "older charge permission observation ignored" };
      const base = { ...snapshot, permission: merged.permission };
      return settle(
        snapshot,
        { ...base, status: derivePaymentStatus(base) },
        "charge permission state already recorded",
      );
    }
    case "dispute.observed": {
      // A dispute never changes the payment status: the order keeps what it was charged and
      // refunded, and lib/orders/dispute-facts.ts derives its dispute status and charged-back money.
      if (!checkoutCompleted(snapshot))
        return { kind: "refused", reason: `dispute observed for an order that is ${snapshot.status}` };
      const merged = upsertDispute(snapshot.disputes, event.dispute);
      if (merged.stale) return { kind: "unchanged", reason: "dispute state already recorded or older" };
      return settle(snapshot, { ...snapshot, disputes: merged.disputes }, "dispute state already recorded");
    }
    case "order.shipped": {
      if (snapshot.fulfillmentStatus === "Shipped") return { kind: "unchanged", reason: "already shipped" };
      if (!["Paid", "PartiallyPaid", "PartiallyRefunded"].includes(snapshot.status)) {
        return {
          kind: "refused",
          reason: `cannot ship an order that is ${snapshot.status}; capture the payment first`,
        };
      }
      return {
        kind: "applied",
        next: { ...snapshot, fulfillmentStatus: "Shipped" },
        from: snapshot.status,
        to: snapshot.status,
      };
    }
  }
}

/** Statuses the buyer sees as final for the checkout (the confirmation page stops polling). */
export const isSettledForBuyer = (status: OrderStatus) => status !== "Draft" && status !== "PaymentPending";
