// Every statement a checkout sends finds its rows through an index: the cart, the review, Place
// order, the completion, the IPNs (a duplicate among them) and the confirmation page. A lookup
// without one reads every order the shop ever took, so it slows down with each sale without any
// test noticing. The plan is asked of the database itself: EXPLAIN QUERY PLAN on SQLite, EXPLAIN
// with sequential scans priced out on PostgreSQL (a small table is otherwise scanned anyway).
import { createClient } from "@libsql/client";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { completeCheckout } from "@/lib/checkout/complete";
import { getBuyerOrder } from "@/lib/orders/buyer-view";
import { watchStatements, type SentStatement } from "@/lib/prisma/statement-count";
import { handleIpn } from "@/lib/reconciliation/ipn/handle-ipn";
import { emulatorTopicArn } from "@/lib/reconciliation/ipn/ipn-source";
import type { SnsEnvelope } from "@/lib/reconciliation/ipn/sns-message";
import { createSnsVerifier } from "@/lib/reconciliation/ipn/sns-verifier";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { browseAs } from "@/tests/helpers/next-request";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { createSnsIdentity } from "@/tests/helpers/sns-signer";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

// The catalog is the one set of tables that does not grow with sales.
const CATALOG_TABLES = new Set(["Product", "ProductPrice"]);
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
async function statementsOfACheckout(): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const stop = watchStatements((statement) => sent.push(statement));
  try {
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
  } finally {
    stop();
  }
  return sent;
}

/** The tables this statement reads in full, as the database plans it. */
async function fullScans(statement: SentStatement): Promise<string[]> {
  if (database.provider === "sqlite") {
    const client = createClient({ url: database.url });
    try {
      // SQLite plans a statement when it is prepared, whatever the values bound later.
      const plan = await client.execute({
        sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
        args: statement.args.map(() => null),
      });
      return plan.rows.flatMap((row) => {
        const scanned = /^SCAN (?:main\.)?`?(\w+)`?/.exec(String(row.detail))?.[1];
        return scanned ? [scanned] : [];
      });
    } finally {
      client.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.sql}`, [
      ...statement.args,
    ]);
    return plan.rows.flatMap((row) => {
      const scanned = /Seq Scan on "?(\w+)"?/.exec(row["QUERY PLAN"])?.[1];
      return scanned ? [scanned] : [];
    });
  } finally {
    await client.end();
  }
}

/** Which statement reads which table in full. */
async function unindexedReads(statements: SentStatement[]): Promise<string[]> {
  const distinct = new Map<string, SentStatement>();
  for (const statement of statements)
    if (/^\s*(SELECT|UPDATE|DELETE)\b/i.test(statement.sql)) distinct.set(statement.sql, statement);
  const found: string[] = [];
  for (const statement of distinct.values())
    for (const table of await fullScans(statement))
      if (!CATALOG_TABLES.has(table) && table !== "sub") found.push(`${table} in: ${statement.sql}`);
  return found;
}

describe("a checkout's statements", () => {
  it("find the rows of every table that grows with sales through an index", async () => {
    const statements = await statementsOfACheckout();
    expect(statements.length).toBeGreaterThan(40);
    expect(await unindexedReads(statements)).toEqual([]);
  });
});
