// Values a buyer may tamper with: checkout session ids Amazon never issued, and amounts,
// currencies and prices sent by the browser. The shop asks Amazon and its own catalog instead.
import fc from "fast-check";
import { actionId, callAction, callFormAction } from "./support/actions";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { FUZZ } from "./support/hostile";
import { BUY_NOW, buyerWithCart, CART, CHECKOUT, SHOP } from "./support/hostile-buyer";
import { expect, test } from "./support/test";

test.beforeAll(async () => {
  await quietDatabase();
});

test("checkout session ids Amazon does not know are refused and leave nothing behind", async ({
  playwright,
}) => {
  const buyer = await buyerWithCart(() => playwright.request.newContext());
  const token = (await buyer.storageState()).cookies.find((cookie) => cookie.name === "cart")!.value;
  const complete = actionId(CHECKOUT, "completeCheckoutAction");
  await expectNoDatabaseChange(async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,60}$/)),
        async (sessionId) => {
          const review = await buyer.get(`${SHOP}/checkout/review?amazonCheckoutSessionId=${sessionId}`, {
            maxRedirects: 0,
          });
          expect(review.headers().location, sessionId).toBe("/cart?checkout=session-unknown");
          const completed = await callAction(buyer, SHOP, "/checkout/result", complete, [sessionId]);
          expect(completed.result, sessionId).toMatchObject({
            ok: false,
            redirectTo: "/cart?checkout=session-unknown",
          });
          for (const headers of [{ "x-cart-token": token }, {} as Record<string, string>]) {
            const finalize = await buyer.post(`${SHOP}/api/checkout/finalize`, {
              headers,
              data: { checkoutSessionId: sessionId, items: [{ slug: "harbor-ceramic-mug", quantity: 1 }] },
            });
            expect(finalize.status(), sessionId).toBe(404);
            expect(await finalize.json()).toMatchObject({ code: "session-unknown" });
          }
        },
      ),
      FUZZ(10),
    );
  });
  await buyer.dispose();
});

test("amount, currency and price fields sent by the browser are ignored", async ({ playwright }) => {
  const buyer = await playwright.request.newContext();
  const tampering = {
    price: "0.01",
    priceMinor: "1",
    unitPriceMinor: "1",
    amount: "0.01",
    totalMinor: "1",
    currency: "JPY",
    currencyCode: "JPY",
  };
  const added = await callFormAction(
    buyer,
    SHOP,
    "/products/harbor-ceramic-mug",
    actionId(CART, "addToCartAction"),
    { ...tampering, slug: "harbor-ceramic-mug", quantity: "2" },
    { withState: true },
  );
  expect(added.result).toMatchObject({ ok: true, data: { quantity: 2 } });
  const cart = await (await buyer.get(`${SHOP}/cart`)).text();
  expect(cart).toContain("$37.00"); // 2 × $18.50 from the catalog
  expect(cart).toContain("$45.40"); // with $5.99 shipping and 6.5 % tax

  // Buy Now: whatever the dialog's handler is sent, the amounts come from the catalog.
  const quote = await callAction(
    buyer,
    SHOP,
    "/products/harbor-ceramic-mug",
    actionId(BUY_NOW, "buyNowInitAction"),
    [
      {
        ...tampering,
        sessionId: crypto.randomUUID(),
        slug: "harbor-ceramic-mug",
        quantity: 2,
        shippingAddress: { countryCode: "US", stateOrRegion: "WA" },
        totalOrderAmount: { amount: "0.01", currencyCode: "JPY" },
      },
    ],
  );
  expect(quote.result).toMatchObject({
    ok: true,
    data: {
      totalBaseAmount: { amount: "37.00", currencyCode: "USD" },
      totalOrderAmount: { amount: "45.40", currencyCode: "USD" },
    },
  });

  // Finalize for mobile apps takes no amount at all: a request with one is refused, nothing is charged.
  const finalize = await buyer.post(`${SHOP}/api/checkout/finalize`, {
    data: {
      checkoutSessionId: crypto.randomUUID(),
      items: [{ slug: "harbor-ceramic-mug", quantity: 1 }],
      amount: "0.01",
    },
  });
  expect(finalize.status()).toBe(400);
  expect(await finalize.json()).toMatchObject({ issues: [expect.stringContaining("amount")] });
  await buyer.dispose();
});
