// A fingerprint of every row hostile input could change: carts and their lines, checkout
// session bindings, orders and their lines, charges, refunds, merchant actions and payment
// events. Fields only the reconciler's schedule touches are left out.
import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import { e2eDb } from "./database";

const SCHEDULE_FIELDS = new Set(["updatedAt", "nextCheckAt", "checkAttempts", "nextPollAt", "pollAttempts"]);

function digest(rows: Record<string, unknown>[]): string {
  const stable = rows
    .map((row) =>
      JSON.stringify(
        Object.entries(row)
          .filter(([key]) => !SCHEDULE_FIELDS.has(key))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    )
    .sort();
  return createHash("sha256").update(stable.join("\n")).digest("hex").slice(0, 16);
}

export type DbSnapshot = Record<string, { count: number; digest: string }>;

export async function snapshotDatabase(): Promise<DbSnapshot> {
  const db = e2eDb();
  const tables: Record<string, Record<string, unknown>[]> = {
    carts: await db.cart.findMany(),
    cartLines: await db.cartLine.findMany(),
    checkoutSessionBindings: await db.checkoutSessionBinding.findMany(),
    orders: await db.order.findMany(),
    orderLines: await db.orderLine.findMany(),
    charges: await db.charge.findMany(),
    refunds: await db.refund.findMany(),
    merchantActions: await db.merchantAction.findMany(),
    // Rejected IPNs are logged without an order on purpose (the merchant sees them); events of orders count.
    paymentEvents: await db.paymentEvent.findMany({ where: { orderId: { not: null } } }),
  };
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [name, { count: rows.length, digest: digest(rows) }]),
  );
}

/** Waits until IPNs and the reconciler have nothing left to change (two equal snapshots 2.5 s apart). */
export async function quietDatabase(timeoutMs = 30_000): Promise<DbSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let previous = await snapshotDatabase();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const next = await snapshotDatabase();
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    if (Date.now() > deadline)
      throw new Error("the database kept changing; an earlier test left work running");
    previous = next;
  }
}

/** Runs the batch and fails if it changed any row hostile input could touch. */
export async function expectNoDatabaseChange(batch: () => Promise<void>): Promise<void> {
  const before = await snapshotDatabase();
  await batch();
  expect(await snapshotDatabase()).toEqual(before);
}
