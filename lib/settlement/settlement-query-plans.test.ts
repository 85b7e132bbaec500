// Settling a report reads the shop's charges, refunds, disputes and orders, and the captures that
// the report should have listed: each through an index, however many payments the shop has taken
// (tests/helpers/query-plans.ts asks the database for each plan).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { statementsOf, unindexedReads } from "@/tests/helpers/query-plans";
import {
  capturedOrder,
  settled,
  settledRefund,
  settlementReportAtAmazon,
} from "@/tests/helpers/settlement-reports";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let database: TestDatabase;
let shop: ShopHarness;
beforeAll(async () => {
  database = await createTestDatabase();
  shop = await startShopHarness(database);
});
afterAll(() => shop.close());

describe("a settlement's statements", () => {
  it("find the rows of every table that grows with sales through an index", async () => {
    await capturedOrder(shop);
    const refunded = await capturedOrder(shop);
    await settledRefund(shop, refunded.orderNumber, 500);
    await settlementReportAtAmazon(shop);

    const statements = await statementsOf(async () => {
      expect((await settled()).reconciliation.mismatches).toEqual([]);
    });

    expect(statements.some((s) => /"?Charge"?.*capturedAt/.test(s.sql))).toBe(true);
    expect(await unindexedReads(database, statements)).toEqual([]);
  });
});
