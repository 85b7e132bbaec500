// Every statement a checkout sends finds its rows through an index: the cart, the review, Place
// order, the completion, the IPNs (a duplicate among them) and the confirmation page
// (tests/helpers/query-plans.ts asks the database for each plan).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeCheckout } from "@/lib/checkout/complete";
import { getBuyerOrder } from "@/lib/orders/buyer-view";
import { handleIpn } from "@/lib/reconciliation/ipn/handle-ipn";
import { emulatorTopicArn } from "@/lib/reconciliation/ipn/ipn-source";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { browseAs } from "@/tests/helpers/next-request";
import { statementsOf, unindexedReads } from "@/tests/helpers/query-plans";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createSnsIdentity, trustSnsIdentity } from "@/tests/helpers/sns-signer";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const identity = createSnsIdentity();

let database: TestDatabase;
let shop: ShopHarness;
let distrust: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  shop = await startShopHarness(database);
  distrust = trustSnsIdentity(identity);
});
afterAll(async () => {
  distrust();
  await shop.close();
});

const ipn = (objectType: string, objectId: string, chargePermissionId: string) =>
  JSON.stringify(
    identity.amazonPayIpn({
      topicArn: emulatorTopicArn(shop.merchant.merchantId),
      merchantId: shop.merchant.merchantId,
      objectType,
      objectId,
      chargePermissionId,
    }),
  );

/** Every statement the whole checkout sends, its IPNs and confirmation page included. */
const statementsOfACheckout = () =>
  statementsOf(async () => {
    const { buyer, sessionId } = await paidAtAmazon(shop);
    await completeCheckout(sessionId, buyer.cartId, "return");
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { charges: true },
    });
    const permission = order.chargePermissionId!;
    const chargeIpn = ipn("CHARGE", order.charges[0]!.id, permission);
    for (const body of [ipn("CHARGE_PERMISSION", permission, permission), chargeIpn, chargeIpn])
      expect((await handleIpn(body)).status).toBe(200);
    browseAs(buyer.cartToken);
    expect(await getBuyerOrder(order.orderNumber)).not.toBeNull();
  });

describe("a checkout's statements", () => {
  it("find the rows of every table that grows with sales through an index", async () => {
    const statements = await statementsOfACheckout();
    expect(statements.length).toBeGreaterThan(40);
    expect(await unindexedReads(database, statements)).toEqual([]);
  });
});
