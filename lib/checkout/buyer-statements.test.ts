// What each step of a redirect checkout sends to the database, through the shop's own code,
// against the emulator and a real database. Each statement costs the shop about a millisecond of
// CPU (docs/benchmark.md), so these counts are the budget of the buyer's path: a step that sends
// more has grown a read or a write it did not need.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addToCartAction } from "@/lib/cart/action";
import { getCartItemCount, getCurrentCart } from "@/lib/cart/server";
import { completeCheckoutAction } from "@/lib/checkout/action";
import { resultPageView } from "@/lib/checkout/complete-page";
import { placeOrder } from "@/lib/checkout/place-order";
import { loadReview } from "@/lib/checkout/review";
import { getBuyerOrder, getBuyerOrderStatus } from "@/lib/orders/buyer-view";
import { databaseStatements } from "@/lib/prisma/statement-count";
import { checkOutAtAmazon, followAmazonPayRedirect } from "@/tests/helpers/amazon-buyer";
import { createTestDatabase } from "@/tests/helpers/database";
import { browseAs, cartCookie } from "@/tests/helpers/next-request";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
vi.mock("next/cache", () => ({ refresh: () => {} }));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

/** The step's value and the statements it sent. */
async function counted<T>(step: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = databaseStatements();
  const value = await step();
  return { value, statements: databaseStatements() - before };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("the statements of a redirect checkout", () => {
  it("stay within each step's budget", async () => {
    // A new visitor adds a product: the cart and its line, one nested create in a transaction.
    browseAs(null);
    const added = await counted(() =>
      addToCartAction(null, form({ slug: "harbor-ceramic-mug", quantity: "2" })),
    );
    expect(added.value).toMatchObject({ ok: true });
    expect(added.statements).toBe(6);
    const token = cartCookie()!;

    // The same browser adds another: the cart touched (found by its token), product, line.
    browseAs(token);
    const more = await counted(() => addToCartAction(null, form({ slug: "sailcloth-tote", quantity: "1" })));
    expect(more.value).toMatchObject({ ok: true });
    expect(more.statements).toBe(5);

    // The header's count, which the browser asks for after each navigation, and the cart page.
    expect(await counted(() => getCartItemCount())).toEqual({ value: 3, statements: 1 });
    const cartPage = await counted(() => getCurrentCart());
    expect(cartPage.value?.itemCount).toBe(3);
    expect(cartPage.statements).toBe(3);

    // The first review: the lines (naming the cart), their products and prices, the binding
    // looked up and created.
    const { sessionId } = await checkOutAtAmazon(shop.emulator);
    const review = await counted(() => loadReview(sessionId));
    if (!review.value.ok) throw new Error(`the review refused: ${review.value.notice}`);
    expect(review.statements).toBe(5);
    // A later visit looks the order up too, and creates nothing.
    expect((await counted(() => loadReview(sessionId))).statements).toBe(5);
    const { fingerprint } = review.value.view;

    // Place order: the binding (by the cart's token), the lines, the Draft and its lines (one
    // nested create in a transaction), the audit of Amazon's Update, and the buyer sent to Amazon.
    const placed = await counted(() => placeOrder({ sessionId, cartToken: token, fingerprint }));
    if (!placed.value.ok) throw new Error(`Place order refused: ${placed.value.error}`);
    expect(placed.statements).toBe(11);
    const { orderNumber } = placed.value;
    await followAmazonPayRedirect(placed.value.redirectUrl);

    const result = await counted(() => resultPageView(sessionId));
    expect(result).toEqual({ value: "buyer", statements: 1 });

    expect(await completeCheckoutAction(sessionId)).toMatchObject({ ok: true });
    const confirmation = await counted(() => getBuyerOrder(orderNumber));
    expect(confirmation.value).toMatchObject({ status: "Paid" });
    expect(confirmation.statements).toBe(2);
    const status = await counted(() => getBuyerOrderStatus(orderNumber));
    expect(status).toMatchObject({ value: { status: "Paid", settled: true }, statements: 1 });
  });
});
