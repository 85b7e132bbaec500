// After each benchmark level the orders are read back from the shop's database.
import { createPrismaClient } from "@/lib/prisma/create-client";
import type { BenchEnvironment } from "./environment";

/**
 * Every completed checkout must be exactly one Paid order with a charge id and its total
 * captured. Returns how many are, and the Amazon object ids of each checkout.
 */
export async function verifyOrders(
  env: BenchEnvironment,
  sessionIds: string[],
): Promise<{ verified: number; idsOf: Map<string, string[]> }> {
  const db = createPrismaClient(env.databaseUrl, { poolSize: 1 });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const orders = await db.order.findMany({
        where: { checkoutSessionId: { in: sessionIds } },
        include: { charges: true },
      });
      const good = orders.filter(
        (o) =>
          o.status === "Paid" &&
          o.chargeId &&
          o.chargePermissionId &&
          o.capturedMinor === o.totalMinor &&
          o.totalMinor > 0,
      );
      if (good.length === sessionIds.length || Date.now() > deadline) {
        const idsOf = new Map(
          orders.map((o) => [
            o.checkoutSessionId,
            [o.checkoutSessionId, o.chargePermissionId ?? "", ...o.charges.map((c) => c.id)].filter(Boolean),
          ]),
        );
        return { verified: good.length, idsOf };
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await db.$disconnect();
  }
}
