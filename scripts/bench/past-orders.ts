// A shop with a history for the benchmark (--past-orders): paid orders written straight into the
// database, each with its cart, one line, a captured charge, its audit events and the IPNs it
// received, so every lookup a checkout makes meets tables of a running shop's size.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/lib/prisma/create-client";

const BATCH = 500;

export async function writePastOrders(databaseUrl: string, count: number): Promise<void> {
  if (count === 0) return;
  const prisma = createPrismaClient(databaseUrl);
  try {
    const product = await prisma.product.findFirstOrThrow({ select: { id: true, name: true } });
    const day = 86_400_000;
    for (let first = 0; first < count; first += BATCH) {
      const orders = Array.from({ length: Math.min(BATCH, count - first) }, (_, i) => {
        const n = first + i;
        const at = new Date(Date.now() - (count - n) * 60_000 - day);
        return {
          at,
          cartId: randomUUID(),
          orderId: randomUUID(),
          orderNumber: `P-${String(n).padStart(8, "0")}`,
          sessionId: `past-${randomUUID()}`,
          chargePermissionId: `P01-${n}`,
          chargeId: `P01-${n}-C01`,
        };
      });
      await prisma.$transaction([
        prisma.cart.createMany({
          data: orders.map((o) => ({ id: o.cartId, tokenHash: `past-${o.cartId}`, createdAt: o.at })),
        }),
        prisma.order.createMany({
          data: orders.map((o) => ({
            id: o.orderId,
            orderNumber: o.orderNumber,
            cartId: o.cartId,
            checkoutSessionId: o.sessionId,
            flow: "redirect",
            status: "Paid",
            paymentIntent: "AuthorizeWithCapture",
            currency: "USD",
            subtotalMinor: 2400,
            shippingMinor: 500,
            taxMinor: 0,
            totalMinor: 2900,
            capturedMinor: 2900,
            shippingMethod: "standard",
            chargePermissionId: o.chargePermissionId,
            chargePermissionState: "Chargeable",
            createdAt: o.at,
          })),
        }),
        prisma.orderLine.createMany({
          data: orders.map((o) => ({
            orderId: o.orderId,
            productId: product.id,
            name: product.name,
            unitPriceMinor: 1200,
            quantity: 2,
            lineTotalMinor: 2400,
          })),
        }),
        prisma.charge.createMany({
          data: orders.map((o) => ({
            id: o.chargeId,
            orderId: o.orderId,
            currency: "USD",
            amountMinor: 2900,
            capturedMinor: 2900,
            state: "Captured",
            capturedAt: o.at,
          })),
        }),
        prisma.paymentEvent.createMany({
          data: orders.flatMap((o) =>
            ["Order placed", "Complete Checkout Session", "Charge Captured"].map((summary) => ({
              orderId: o.orderId,
              kind: "transition",
              source: "bench",
              summary,
              createdAt: o.at,
            })),
          ),
        }),
        prisma.processedNotification.createMany({
          data: orders.flatMap((o) =>
            [
              ["CHARGE_PERMISSION", o.chargePermissionId],
              ["CHARGE", o.chargeId],
            ].map(([objectType, objectId]) => ({
              id: randomUUID(),
              notificationId: randomUUID(),
              objectType: objectType!,
              objectId: objectId!,
              receivedAt: o.at,
            })),
          ),
        }),
      ]);
    }
  } finally {
    await prisma.$disconnect();
  }
}
