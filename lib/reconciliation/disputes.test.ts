// Disputes reach the shop through CHARGEBACK IPNs and the reconciler, always read back from the
// API (Get Dispute, then the charge); a dispute for a charge the shop does not know is kept and
// listed, never dropped; won and lost disputes update the order's money. Against the in-process
// emulator (its developer endpoints play the buyer's bank and Amazon) and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeCheckout } from "@/lib/checkout/complete";
import { clearEmulatorLog, emulatorApiCalls, injectFault } from "@/tests/helpers/amazon-calls";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { openChargeback, settleChargeback } from "@/tests/helpers/disputes";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createSnsIdentity, trustSnsIdentity } from "@/tests/helpers/sns-signer";
import { handleIpn } from "./ipn/handle-ipn";
import { emulatorTopicArn } from "./ipn/ipn-source";
import { reconcileOnce } from "./reconciler";
import { syncDispute } from "./sync-dispute";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const identity = createSnsIdentity();

let shop: ShopHarness;
let distrust: () => void;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
  distrust = trustSnsIdentity(identity);
});
afterAll(async () => {
  distrust();
  await shop.close();
});

/** A paid order (two mugs, captured at checkout) and its charge id. */
async function paidOrder() {
  const { buyer, sessionId } = await paidAtAmazon(shop);
  await completeCheckout(sessionId, buyer.cartId, "return");
  const order = await shop.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
  return { order, chargeId: order.charges[0]!.id };
}

const chargebackIpn = (disputeId: string, chargePermissionId: string | null) =>
  identity.amazonPayIpn({
    topicArn: emulatorTopicArn(shop.merchant.merchantId),
    merchantId: shop.merchant.merchantId,
    objectType: "CHARGEBACK",
    objectId: disputeId,
    chargePermissionId,
  });

const reread = (orderId: string) =>
  shop.prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { disputes: true } });
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("a CHARGEBACK IPN", () => {
  it("is read back from the API (dispute, then charge) and records an open dispute on the order", async () => {
    const { order, chargeId } = await paidOrder();
    const disputeId = await openChargeback(shop.emulator, chargeId, {
      amount: "10.00",
      filingReason: "ProductUnacceptable",
    });
    clearEmulatorLog(shop.emulator);

    const message = chargebackIpn(disputeId, order.chargePermissionId);
    expect(await handleIpn(JSON.stringify(message))).toEqual({ status: 200, body: { result: "processed" } });

    expect(emulatorApiCalls(shop.emulator)).toEqual([
      expect.stringMatching(new RegExp(`^GET /v2/disputes/${disputeId} 200`)),
      expect.stringMatching(new RegExp(`^GET /v2/charges/${chargeId} 200`)),
    ]);
    const after = await reread(order.id);
    expect(after).toMatchObject({ status: "Paid", disputeStatus: "ActionRequired", chargedBackMinor: 0 });
    expect(after.disputes).toEqual([
      expect.objectContaining({
        id: disputeId,
        chargeId,
        state: "ActionRequired",
        reasonCode: "MerchantResponseRequired",
        filingReason: "ProductUnacceptable",
        amountMinor: 1000,
        currency: order.currency,
        nextPollAt: expect.any(Date),
      }),
    ]);
    const dispute = after.disputes[0]!;
    const days = (dispute.responseDeadline!.getTime() - dispute.filedAt.getTime()) / 86_400_000;
    expect(days).toBe(11);

    // The same notification again changes nothing.
    expect(await handleIpn(JSON.stringify(message))).toEqual({ status: 200, body: { result: "duplicate" } });
    expect((await reread(order.id)).version).toBe(after.version);
  });

  it("for a charge the shop does not know: the dispute is recorded without an order and listed", async () => {
    const { order, chargeId } = await paidOrder();
    await shop.prisma.order.delete({ where: { id: order.id } }); // the shop lost track of it
    const disputeId = await openChargeback(shop.emulator, chargeId);

    const answer = await handleIpn(JSON.stringify(chargebackIpn(disputeId, order.chargePermissionId)));

    expect(answer.status).toBe(200);
    expect(await shop.prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } })).toMatchObject({
      orderId: null,
      chargeId,
      state: "ActionRequired",
      amountMinor: order.totalMinor,
      nextPollAt: expect.any(Date),
    });
    const logged = await shop.prisma.paymentEvent.findMany({ where: { orderId: null } });
    expect(logged.map((event) => event.summary)).toContainEqual(
      expect.stringContaining(`Dispute ${disputeId} (ActionRequired) recorded without an order`),
    );
  });

  it("when Amazon does not answer: 503 so the IPN comes again, and nothing is marked processed", async () => {
    const { order, chargeId } = await paidOrder();
    const disputeId = await openChargeback(shop.emulator, chargeId);
    injectFault(shop.emulator, { fault: "status", status: 503, operation: "getDispute", count: 2 });
    const message = chargebackIpn(disputeId, order.chargePermissionId);
    expect((await handleIpn(JSON.stringify(message))).status).toBe(503);
    expect(await shop.prisma.processedNotification.count({ where: { id: message.MessageId } })).toBe(0);
    shop.emulator.emulator.faults.clear();
  });
});

describe("the reconciler and disputes", () => {
  it("reads open disputes back: a decision whose IPN was lost still reaches the order (lost)", async () => {
    const { order, chargeId } = await paidOrder();
    const disputeId = await openChargeback(shop.emulator, chargeId, { amount: "12.00" });
    await syncDispute(disputeId, "ipn");
    await settleChargeback(shop.emulator, disputeId, "lost"); // its IPN never arrives

    await reconcileOnce({ now: inAnHour() });

    expect(await reread(order.id)).toMatchObject({
      status: "Paid",
      disputeStatus: "Lost",
      capturedMinor: order.totalMinor,
      chargedBackMinor: 1200,
      disputes: [
        expect.objectContaining({
          state: "Resolved",
          resolution: "BuyerWon",
          nextPollAt: null,
          resolvedAt: expect.any(Date),
        }),
      ],
    });
  });

  it("adopts a dispute recorded without an order once its order is known", async () => {
    const { order, chargeId } = await paidOrder();
    const disputeId = await openChargeback(shop.emulator, chargeId);
    // Recorded while the charge was not readable yet.
    injectFault(shop.emulator, { fault: "status", status: 503, operation: "getCharge", count: 2 });
    await syncDispute(disputeId, "ipn");
    shop.emulator.emulator.faults.clear();
    expect(await shop.prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } })).toMatchObject({
      orderId: null,
    });

    await reconcileOnce({ now: inAnHour() });

    expect(await reread(order.id)).toMatchObject({
      disputeStatus: "ActionRequired",
      disputes: [expect.objectContaining({ id: disputeId, orderId: order.id })],
    });
  });
});
