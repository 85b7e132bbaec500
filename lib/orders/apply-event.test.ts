import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { createDraftOrder } from "@/tests/helpers/orders";
import { databaseTransactions } from "@/lib/prisma/statement-count";
import { applyEventToOrder } from "./apply-event";
import type { ChargeFact } from "./payment-facts";
import type { OrderEvent } from "./state-machine";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const charge = (state: ChargeFact["state"], over: Partial<ChargeFact> = {}): ChargeFact => ({
  chargeId: "S01-1111111-2222222-C000001",
  state,
  amountMinor: 5000,
  capturedMinor: state === "Captured" ? 5000 : 0,
  refundedMinor: 0,
  reasonCode: null,
  ...over,
});
const completed = (state: ChargeFact["state"], chargeId = "S01-1111111-2222222-C000001"): OrderEvent => ({
  type: "checkout.completed",
  source: "return",
  chargePermissionId: "S01-1111111-2222222",
  permission: { state: "Chargeable", updatedAt: Date.now() },
  charge: charge(state, { chargeId }),
});

/** The order as the database holds it, with its charges. */
const stored = (orderId: string) =>
  database.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { charges: true } });

describe("applyEventToOrder", () => {
  it("records the completion, the charge row and a transition event", async () => {
    const order = await createDraftOrder(database.prisma, { intent: "Authorize" });
    const { outcome, order: applied } = await applyEventToOrder(
      database.prisma,
      order.id,
      completed("AuthorizationInitiated"),
    );
    expect(outcome).toMatchObject({ kind: "applied", from: "Draft", to: "PaymentPending" });
    expect(applied).toMatchObject({ id: order.id, orderNumber: order.orderNumber, status: "PaymentPending" });
    const after = await stored(order.id);
    expect(after).toMatchObject({
      status: "PaymentPending",
      chargePermissionId: "S01-1111111-2222222",
      chargeId: "S01-1111111-2222222-C000001",
      version: 1,
    });
    expect(after.completedAt).toBeInstanceOf(Date);
    expect(after.charges).toHaveLength(1);
    expect(after.charges[0]?.nextPollAt).toBeInstanceOf(Date);

    const settled = await applyEventToOrder(database.prisma, order.id, {
      type: "charge.observed",
      source: "ipn",
      charge: charge("Authorized"),
    });
    expect(settled.order.status).toBe("Authorized");
    const events = await database.prisma.paymentEvent.findMany({
      where: { orderId: order.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.summary)).toEqual([
      expect.stringContaining("Draft → PaymentPending"),
      expect.stringContaining("PaymentPending → Authorized"),
    ]);
  });

  it("refuses an illegal transition, changes nothing and logs it", async () => {
    const order = await createDraftOrder(database.prisma);
    await applyEventToOrder(database.prisma, order.id, completed("Captured", "C-ILLEGAL"));
    const before = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    const { outcome } = await applyEventToOrder(database.prisma, order.id, {
      type: "checkout.failed",
      source: "return",
      reason: "Declined",
    });
    expect(outcome.kind).toBe("refused");
    const after = await database.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toEqual(before);
    expect(
      await database.prisma.paymentEvent.count({ where: { orderId: order.id, kind: "refused-transition" } }),
    ).toBe(1);
  });

  it("converges when the buyer's return, IPNs and polls race (50 concurrent events)", async () => {
    const order = await createDraftOrder(database.prisma, { intent: "Authorize" });
    const id = "S01-3333333-4444444-C000001";
    const events: OrderEvent[] = [
      ...Array.from({ length: 25 }, () => completed("AuthorizationInitiated", id)),
      ...Array.from(
        { length: 15 },
        () =>
          ({
            type: "charge.observed",
            source: "ipn",
            charge: charge("Authorized", { chargeId: id }),
          }) as OrderEvent,
      ),
      ...Array.from(
        { length: 10 },
        () =>
          ({
            type: "charge.observed",
            source: "poll",
            charge: charge("AuthorizationInitiated", { chargeId: id }),
          }) as OrderEvent,
      ),
    ].sort(() => Math.random() - 0.5);
    await Promise.all(events.map((event) => applyEventToOrder(database.prisma, order.id, event)));
    // Whatever the interleaving, a last read of the truth (Authorized) settles it.
    const { order: final } = await applyEventToOrder(database.prisma, order.id, {
      type: "charge.observed",
      source: "poll",
      charge: charge("Authorized", { chargeId: id }),
    });
    expect(final.status).toBe("Authorized");
    expect((await stored(order.id)).charges.map((c) => [c.id, c.state])).toEqual([[id, "Authorized"]]);
    expect(await database.prisma.charge.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("applies concurrent events for one order one after another: no compare-and-set is lost", async () => {
    const order = await createDraftOrder(database.prisma, { intent: "AuthorizeWithCapture" });
    const chargeId = "S01-5555555-6666666-C000001";
    await applyEventToOrder(database.prisma, order.id, completed("Captured", chargeId));
    const refunds: OrderEvent[] = Array.from({ length: 8 }, (_, i) => ({
      type: "refund.observed",
      source: "ipn",
      refund: {
        refundId: `S01-5555555-6666666-R00000${i}`,
        chargeId,
        state: "RefundInitiated",
        amountMinor: 100,
        reasonCode: null,
      },
    }));
    const transactionsBefore = databaseTransactions();
    const results = await Promise.all(
      refunds.map((event) => applyEventToOrder(database.prisma, order.id, event)),
    );
    expect(results.every((result) => result.outcome.kind === "applied")).toBe(true);
    // One transaction per event: none read a version another had already moved on.
    expect(databaseTransactions() - transactionsBefore).toBe(refunds.length);
    expect(await database.prisma.refund.count({ where: { orderId: order.id } })).toBe(refunds.length);
    expect((await stored(order.id)).version).toBe(1 + refunds.length);
  });

  it("writes extra columns only when the event applies (shipping)", async () => {
    const order = await createDraftOrder(database.prisma);
    await applyEventToOrder(database.prisma, order.id, completed("Captured", "C-SHIP"));
    const shipped = await applyEventToOrder(
      database.prisma,
      order.id,
      { type: "order.shipped", source: "merchant" },
      { extra: { carrierCode: "UPS", trackingNumber: "1Z999" } },
    );
    expect(shipped.order.fulfillmentStatus).toBe("Shipped");
    expect(await stored(order.id)).toMatchObject({
      fulfillmentStatus: "Shipped",
      carrierCode: "UPS",
      trackingNumber: "1Z999",
    });
    const again = await applyEventToOrder(
      database.prisma,
      order.id,
      { type: "order.shipped", source: "merchant" },
      { extra: { carrierCode: "USPS", trackingNumber: "X" } },
    );
    expect(again.outcome.kind).toBe("unchanged");
    expect((await stored(order.id)).carrierCode).toBe("UPS");
  });
});
