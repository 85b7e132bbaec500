// The merchant contests a dispute: each evidence file is uploaded through Upload File and its URL,
// then Contest Dispute names the statement and the file ids; refused once the window closed or
// once contested. Then Amazon decides: won keeps the money, lost takes it back. Emulator and a
// real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { completeCheckout } from "@/lib/checkout/complete";
import { reconcileOnce } from "@/lib/reconciliation/reconciler";
import { syncDispute } from "@/lib/reconciliation/sync-dispute";
import { recordedAmazonCalls } from "@/tests/helpers/amazon-calls";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { openChargeback, settleChargeback } from "@/tests/helpers/disputes";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { contestDispute } from "./contest-dispute";
import type { EvidenceFile } from "./evidence-files";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

let keys = 0;
const actionKey = () => `contest-action-${++keys}-${Date.now()}`;
const STATEMENT = "The mugs were delivered on time; the carrier's proof of delivery is attached.";
const receipt: EvidenceFile = {
  name: "receipt.pdf",
  type: "pdf",
  bytes: new TextEncoder().encode("%PDF-1.4 a receipt"),
};

/** A paid order with an open chargeback the shop has recorded. */
async function disputedOrder(amount?: string) {
  const { buyer, sessionId } = await paidAtAmazon(shop);
  await completeCheckout(sessionId, buyer.cartId, "return");
  const paid = await shop.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
  const disputeId = await openChargeback(shop.emulator, paid.charges[0]!.id, amount ? { amount } : {});
  await syncDispute(disputeId, "ipn");
  return { order: paid, disputeId };
}

const reread = (orderId: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { disputes: true } });
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("contesting a dispute", () => {
  it("uploads each file, contests with the statement and the file ids: the dispute is under review", async () => {
    const { order, disputeId } = await disputedOrder();
    const key = actionKey();

    const outcome = await contestDispute(order.orderNumber, key, {
      disputeId,
      statement: STATEMENT,
      evidenceType: "TrackingNumber",
      files: [receipt, { name: "photo.png", type: "png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }],
    });

    expect(outcome).toEqual({ ok: true, message: expect.stringContaining("2 files") });
    const after = await reread(order.id);
    const dispute = after.disputes[0]!;
    const fileIds = JSON.parse(dispute.evidenceFileIds!) as string[];
    expect(fileIds).toHaveLength(2);
    expect(dispute).toMatchObject({
      state: "UnderReview",
      contestStatement: STATEMENT,
      contestedAt: expect.any(Date),
    });
    expect(after.disputeStatus).toBe("UnderReview");
    const atAmazon = shop.emulator.emulator.store.disputes.get(disputeId)!;
    expect(atAmazon.evidences).toEqual([
      expect.objectContaining({ evidenceType: "Other", evidenceText: STATEMENT }),
      expect.objectContaining({ evidenceType: "TrackingNumber", fileId: fileIds[0] }),
      expect.objectContaining({ evidenceType: "TrackingNumber", fileId: fileIds[1] }),
    ]);
    expect(new TextDecoder().decode(shop.emulator.emulator.store.files.get(fileIds[0]!)!.content!)).toBe(
      "%PDF-1.4 a receipt",
    );
    const calls = await recordedAmazonCalls(shop.prisma, order.id);
    expect(calls.filter((c) => c.operation === "contestDispute")).toEqual([
      expect.objectContaining({ status: 200, idempotencyKey: idempotencyKeyFor("contest-dispute", key) }),
    ]);

    // The same form again: the first outcome, no second contest.
    expect(
      await contestDispute(order.orderNumber, key, {
        disputeId,
        statement: STATEMENT,
        evidenceType: "Other",
        files: [],
      }),
    ).toEqual(outcome);
  });

  it("won: the order keeps its money", async () => {
    const { order, disputeId } = await disputedOrder();
    await contestDispute(order.orderNumber, actionKey(), {
      disputeId,
      statement: STATEMENT,
      evidenceType: "Receipt",
      files: [receipt],
    });
    await settleChargeback(shop.emulator, disputeId, "won");
    await reconcileOnce({ now: inAnHour() });
    expect(await reread(order.id)).toMatchObject({
      status: "Paid",
      disputeStatus: "Won",
      capturedMinor: order.totalMinor,
      chargedBackMinor: 0,
    });
  });

  it("lost after contesting: the disputed amount is charged back", async () => {
    const { order, disputeId } = await disputedOrder("9.50");
    await contestDispute(order.orderNumber, actionKey(), {
      disputeId,
      statement: STATEMENT,
      evidenceType: "Receipt",
      files: [],
    });
    await settleChargeback(shop.emulator, disputeId, "lost");
    await syncDispute(disputeId, "ipn");
    expect(await reread(order.id)).toMatchObject({ disputeStatus: "Lost", chargedBackMinor: 950 });
  });

  it("is refused after the response deadline, with the date, and nothing reaches Amazon", async () => {
    const { order, disputeId } = await disputedOrder();
    const deadline = (await reread(order.id)).disputes[0]!.responseDeadline!;
    const outcome = await contestDispute(
      order.orderNumber,
      actionKey(),
      { disputeId, statement: STATEMENT, evidenceType: "Receipt", files: [receipt] },
      new Date(deadline.getTime() + 1),
    );
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The window to answer this dispute closed on .+ UTC; Amazon Pay no longer/,
      ),
    });
    const calls = await recordedAmazonCalls(shop.prisma, order.id);
    expect(calls.filter((c) => c.operation === "uploadFile" || c.operation === "contestDispute")).toEqual([]);
  });

  it("is refused once contested, and for a dispute that is not on the order", async () => {
    const { order, disputeId } = await disputedOrder();
    const input = { disputeId, statement: STATEMENT, evidenceType: "Receipt" as const, files: [] };
    expect(await contestDispute(order.orderNumber, actionKey(), input)).toMatchObject({ ok: true });
    expect(await contestDispute(order.orderNumber, actionKey(), input)).toEqual({
      ok: false,
      error: "This dispute is already contested; Amazon Pay is reviewing it.",
    });
    expect(
      await contestDispute(order.orderNumber, actionKey(), {
        ...input,
        disputeId: "S01-0000000-0000000-B000000",
      }),
    ).toEqual({ ok: false, error: "That dispute is not on this order." });
  });

  it("when Amazon has moved on (contested elsewhere): refused in words, and the order reads the dispute again", async () => {
    const { order, disputeId } = await disputedOrder();
    shop.emulator.emulator.store.disputes.get(disputeId)!.status = {
      state: "UnderReview",
      reasonCode: null,
      resolution: null,
    };
    const outcome = await contestDispute(order.orderNumber, actionKey(), {
      disputeId,
      statement: STATEMENT,
      evidenceType: "Receipt",
      files: [],
    });
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringContaining("The dispute is no longer waiting for your answer"),
    });
    expect(await reread(order.id)).toMatchObject({ disputeStatus: "UnderReview" });
  });
});
