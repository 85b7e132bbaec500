// What is captured, still capturable and refundable on an order, from its charges and refunds.
import type { OrderWithPayments } from "@/lib/orders/snapshot";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function capturedMinor(order: OrderWithPayments): number {
  return sum(order.charges.filter((c) => c.state === "Captured").map((c) => c.capturedMinor));
}

/** Captured minus refunds that are settled or still in progress. */
export function refundableMinor(order: OrderWithPayments): number {
  return (
    capturedMinor(order) - sum(order.refunds.filter((r) => r.state !== "Declined").map((r) => r.amountMinor))
  );
}

/** Order total minus what is captured or still being captured. */
export function capturableMinor(order: OrderWithPayments): number {
  const inFlight = sum(order.charges.filter((c) => c.state === "CaptureInitiated").map((c) => c.amountMinor));
  return Math.max(0, order.totalMinor - capturedMinor(order) - inFlight);
}
