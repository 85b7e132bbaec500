// Every statement a checkout sends finds its rows through an index: the cart, the review, Place
// order, the completion, the IPNs (a duplicate among them) and the confirmation page
// (tests/helpers/query-plans.ts asks the database for each plan).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeCheckout } from "@/lib/checkout/complete";
import { getBuyerOrder } from "@/lib/orders/buyer-view";
import { handleIpn } from "@/lib/reconciliation/ipn/handle-ipn";
import { emulatorTopicArn } from "@/lib/reconciliation/ipn/ipn-source";
import type { SnsEnvelope } from "@/lib/reconciliation/ipn/sns-message";
import { createSnsVerifier } from "@/lib/reconciliation/ipn/sns-verifier";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { browseAs } from "@/tests/helpers/next-request";
import { statementsOf, unindexedReads } from "@/tests/helpers/query-plans";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createSnsIdentity } from "@/tests/helpers/sns-signer";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";
const identity = createSnsIdentity();
const verifierHolder = globalThis as unknown as { __storefrontSnsVerifier?: unknown };

let database: TestDatabase;
let shop: ShopHarness;
beforeAll(async () => {
  database = await createTestDatabase();
  shop = await startShopHarness(database);
  verifierHolder.__storefrontSnsVerifier = createSnsVerifier({
    fetchCertificate: async () => identity.certPem,
  });
});
afterAll(async () => {
  delete verifierHolder.__storefrontSnsVerifier;
  await shop.close();
});

function ipn(objectType: "CHARGE" | "CHARGE_PERMISSION", objectId: string, chargePermissionId: string) {
  return JSON.stringify(
    identity.signEnvelope({
      Type: "Notification",
      MessageId: randomUUID(),
      TopicArn: emulatorTopicArn(shop.merchant.merchantId),
      Message: JSON.stringify({
        MerchantID: shop.merchant.merchantId,
        ObjectType: objectType,
        ObjectId: objectId,
        ChargePermissionId: chargePermissionId,
        NotificationType: "STATE_CHANGE",
        NotificationId: randomUUID(),
        NotificationVersion: "V2",
      }),
      Timestamp: new Date().toISOString(),
      SigningCertURL: CERT_URL,
    } as Omit<SnsEnvelope, "Signature" | "SignatureVersion">),
  );
}

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
