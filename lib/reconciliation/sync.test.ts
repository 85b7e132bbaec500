// Reading an Amazon object and feeding its state to the order: a read that finds exactly what is
// recorded changes nothing and opens no transaction (Amazon notifies each transition, and a
// later read often finds what an earlier notification recorded); anything else goes to the state
// machine. Against the emulator and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseTransactions } from "@/lib/prisma/statement-count";
import { syncCharge, syncChargePermission } from "@/lib/reconciliation/sync";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { inferredCapture, paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

const reread = (orderId: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { charges: true } });

describe("a charge read", () => {
  it("a second read of a confirmed state changes nothing and opens no transaction", async () => {
    const { order, charge } = await inferredCapture(shop);
    const first = await syncCharge(charge.id, "ipn");
    expect(first).toMatchObject({ kind: "applied", result: { outcome: { kind: "applied" } } });
    const before = await reread(order.id);
    const transactions = databaseTransactions();

    const second = await syncCharge(charge.id, "ipn");

    expect(second).toMatchObject({
      kind: "applied",
      result: { outcome: { kind: "unchanged" }, order: { id: order.id, status: "Paid" } },
    });
    expect(databaseTransactions()).toBe(transactions);
    expect(await reread(order.id)).toEqual(before);
  });

  it("a read that differs from the recorded state still goes to the state machine", async () => {
    const { order, charge } = await inferredCapture(shop);
    await syncCharge(charge.id, "ipn");
    shop.emulator.emulator.store.charges.get(charge.id)!.status = {
      state: "Declined",
      reasonCode: "HardDeclined",
    };

    const result = await syncCharge(charge.id, "ipn");

    // A confirmed capture cannot become declined: refused, and the refusal is in the audit trail.
    expect(result).toMatchObject({ kind: "applied", result: { outcome: { kind: "refused" } } });
    expect((await reread(order.id)).charges[0]).toMatchObject({ state: "Captured" });
    const refusals = await shop.prisma.paymentEvent.count({
      where: { orderId: order.id, kind: "refused-transition" },
    });
    expect(refusals).toBe(1);
  });
});

describe("a charge read before its checkout is recorded", () => {
  // Amazon completed the checkout (the buyer's Complete is still writing, or its server died):
  // the charge is not in the database yet, and its notification comes first.
  async function completedAtAmazonOnly() {
    const { order: draft, sessionId } = await paidAtAmazon(shop);
    const { data: session } = await amazonPay().client.checkoutSessions.complete(sessionId, {
      chargeAmount: { amount: (draft.totalMinor / 100).toFixed(2), currencyCode: draft.currency },
    });
    return { draft, chargeId: session.chargeId!, chargePermissionId: session.chargePermissionId! };
  }

  it("finds the order by the charge's own merchantReferenceId, without reading the charge permission", async () => {
    const { draft, chargeId } = await completedAtAmazonOnly();
    clearEmulatorLog(shop.emulator);

    const result = await syncCharge(chargeId, "ipn");

    expect(result).toMatchObject({ kind: "applied", result: { order: { id: draft.id, status: "Paid" } } });
    expect((await reread(draft.id)).charges.map((c) => c.id)).toEqual([chargeId]);
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("/chargePermissions/"))).toEqual(
      [],
    );
  });

  it("without a merchantReferenceId, or naming an order of another charge permission, asks the charge permission", async () => {
    const { draft, chargeId, chargePermissionId } = await completedAtAmazonOnly();
    const charge = shop.emulator.emulator.store.charges.get(chargeId)!;
    const other = await inferredCapture(shop);
    charge.merchantMetadata = { ...charge.merchantMetadata, merchantReferenceId: other.order.orderNumber };
    clearEmulatorLog(shop.emulator);

    const result = await syncCharge(chargeId, "ipn");

    // The other order is bound to its own charge permission: this charge is not its.
    expect(result).toMatchObject({ kind: "applied", result: { order: { id: draft.id } } });
    expect(emulatorApiCalls(shop.emulator)).toContain(`GET /v2/chargePermissions/${chargePermissionId} 200`);
    expect((await reread(other.order.id)).charges.map((c) => c.id)).toEqual([other.charge.id]);

    const { draft: second, chargeId: secondCharge } = await completedAtAmazonOnly();
    const stored = shop.emulator.emulator.store.charges.get(secondCharge)!;
    stored.merchantMetadata = { ...stored.merchantMetadata, merchantReferenceId: null };
    expect(await syncCharge(secondCharge, "ipn")).toMatchObject({ result: { order: { id: second.id } } });
  });

  it("belongs to the order that holds its charge permission, whatever order its reference names", async () => {
    const other = await inferredCapture(shop);
    const { draft, chargeId } = await completedAtAmazonOnly();
    // A charge of the other order's permission that names the draft: the permission decides.
    shop.emulator.emulator.store.charges.get(chargeId)!.chargePermissionId = other.order.chargePermissionId!;

    const result = await syncCharge(chargeId, "ipn");

    expect(result).toMatchObject({ kind: "applied", result: { order: { id: other.order.id } } });
    expect((await reread(draft.id)).charges).toEqual([]);
  });

  it("is refused by the order its reference names once that order turns out bound to another permission", async () => {
    const { draft, chargeId, chargePermissionId } = await completedAtAmazonOnly();
    // Found by name while the draft has no permission; completing it binds the session's own.
    shop.emulator.emulator.store.charges.get(chargeId)!.chargePermissionId = "P-NOT-THIS-ORDERS";

    const result = await syncCharge(chargeId, "ipn");

    expect(result).toMatchObject({
      kind: "applied",
      result: { outcome: { kind: "refused" }, order: { id: draft.id, status: "Paid" } },
    });
    expect(await reread(draft.id)).toMatchObject({ chargePermissionId });
    const refusals = await shop.prisma.paymentEvent.findMany({
      where: { orderId: draft.id, kind: "refused-transition" },
      select: { summary: true },
    });
    expect(refusals.map((r) => r.summary)).toEqual([expect.stringContaining("P-NOT-THIS-ORDERS")]);
  });
});

describe("a charge permission read", () => {
  it("records a new state; a second read of the same state changes nothing and opens no transaction", async () => {
    const { order } = await inferredCapture(shop);
    const first = await syncChargePermission(order.chargePermissionId!, "ipn");
    expect(first).toMatchObject({ kind: "applied", result: { outcome: { kind: "applied" } } });
    const before = await reread(order.id);
    expect(before.chargePermissionState).not.toBeNull();
    const transactions = databaseTransactions();

    const second = await syncChargePermission(order.chargePermissionId!, "ipn");

    expect(second).toMatchObject({
      kind: "applied",
      result: { outcome: { kind: "unchanged" }, order: { id: order.id, status: "Paid" } },
    });
    expect(databaseTransactions()).toBe(transactions);
    expect(await reread(order.id)).toEqual(before);
  });

  it("a later change of the permission is recorded", async () => {
    const { order } = await inferredCapture(shop);
    await syncChargePermission(order.chargePermissionId!, "ipn");
    const permission = shop.emulator.emulator.store.chargePermissions.get(order.chargePermissionId!)!;
    permission.statusUpdatedAt += 60_000;

    const result = await syncChargePermission(order.chargePermissionId!, "ipn");

    expect(result).toMatchObject({ kind: "applied", result: { outcome: { kind: "applied" } } });
    // Amazon's timestamps carry whole seconds.
    const updatedAt = Math.floor(permission.statusUpdatedAt / 1000) * 1000;
    expect((await reread(order.id)).chargePermissionAt?.getTime()).toBe(updatedAt);
  });
});
