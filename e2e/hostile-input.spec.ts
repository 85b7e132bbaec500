// Hostile input over HTTP against the production servers: every route handler, page parameter
// and server action gets wrong types, huge and negative values, unicode and broken encodings.
// The answer is a 4xx, a redirect or a form error with a message, never a 5xx, and no row a
// buyer could affect changes.
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { actionId, callAction, callFormAction, type ActionAnswer } from "./support/actions";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { EMULATOR_URL, shopUrl } from "./support/environment";
import {
  FUZZ,
  invalidQuantity,
  notASlug,
  oddText,
  PRODUCT_SLUGS,
  queryValue,
  reactEncodable,
  tamperingFields,
} from "./support/hostile";

const SHOP = shopUrl();
const CART = "lib/cart/action.ts";
const CHECKOUT = "lib/checkout/action.ts";
const BUY_NOW = "lib/checkout/buy-now-action.ts";

/** A buyer whose browser holds a cart with one mug (so actions get past "your cart is empty"). */
async function buyerWithCart(newContext: () => Promise<APIRequestContext>): Promise<APIRequestContext> {
  const buyer = await newContext();
  const added = await callFormAction(
    buyer,
    SHOP,
    "/products/harbor-ceramic-mug",
    actionId(CART, "addToCartAction"),
    { slug: "harbor-ceramic-mug", quantity: "1" },
    { withState: true },
  );
  expect(added.result).toMatchObject({ ok: true });
  return buyer;
}

function expectFormError(answer: ActionAnswer, context: unknown) {
  expect(answer.status, JSON.stringify(context)).toBe(200);
  expect(answer.result, JSON.stringify(context)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/\S/),
  });
}

test.beforeAll(async () => {
  await quietDatabase();
});

test.describe("route handlers", () => {
  test("the IPN endpoint answers every hostile body with a 4xx", async ({ request }) => {
    const body = fc.oneof(
      oddText,
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc
        .record({
          Type: fc.constantFrom("Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"),
          Message: oddText,
          MessageId: oddText,
          SigningCertURL: fc.constantFrom(
            `${EMULATOR_URL}/nope.pem`,
            "http://127.0.0.1:1/cert.pem",
            "https://127.0.0.1:1/cert.pem",
            "not a url",
            "file:///etc/passwd",
          ),
          Signature: oddText,
          SignatureVersion: fc.constantFrom("1", "2"),
        })
        .map((value) => JSON.stringify(value)),
      fc.constant("x".repeat(70 * 1024)),
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(
          body,
          fc.constantFrom("text/plain", "application/json", "application/x-www-form-urlencoded"),
          async (data, contentType) => {
            const response = await request.post(`${SHOP}/api/amazon-pay/ipn`, {
              data,
              headers: { "content-type": contentType },
            });
            expect([400, 403, 413], data.slice(0, 200)).toContain(response.status());
          },
        ),
        FUZZ(60),
      );
    });
  });

  test("Finalize for mobile apps refuses every malformed request with a 4xx and a message", async ({
    request,
  }) => {
    const item = fc.record(
      {
        slug: fc.oneof(fc.constantFrom(...PRODUCT_SLUGS), notASlug),
        quantity: fc.oneof(fc.integer(), fc.double(), oddText, fc.constant(null)),
      },
      { requiredKeys: [] },
    );
    const finalizeBody = fc.record(
      {
        checkoutSessionId: fc.oneof(
          oddText.filter((text) => !/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(text.trim())),
          fc.integer(),
          fc.constant(null),
        ),
        items: fc.oneof(fc.array(item, { maxLength: 25 }), oddText, fc.constant({})),
        shippingMethod: oddText,
        amount: oddText,
      },
      { requiredKeys: [] },
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            finalizeBody.map((value) => JSON.stringify(value)),
            oddText,
            fc.constant(JSON.stringify({ checkoutSessionId: "a", items: "x".repeat(20_000) })),
          ),
          fc.option(oddText),
          async (data, token) => {
            const headers: Record<string, string> = { "content-type": "application/json" };
            if (token !== null && /^[\x20-\x7e]*$/.test(token)) headers["x-cart-token"] = token;
            const response = await request.post(`${SHOP}/api/checkout/finalize`, { data, headers });
            expect([400, 401, 413], data.slice(0, 200)).toContain(response.status());
            expect(await response.json()).toMatchObject({ error: expect.stringMatching(/\S/) });
          },
        ),
        FUZZ(60),
      );
      expect(
        (
          await request.post(`${SHOP}/api/checkout/finalize`, {
            data: "{}",
            headers: { "content-type": "text/plain" },
          })
        ).status(),
      ).toBe(415);
    });
  });

  test("order status and the merchant's order list refuse hostile parameters", async ({ request }) => {
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(queryValue, async (value) => {
          const status = await request.get(`${SHOP}/api/orders/${value || "x"}/status`);
          expect([400, 404], value).toContain(status.status());
          const admin = await request.get(`${SHOP}/api/admin/orders?status=${value}`);
          expect([400, 401], value).toContain(admin.status());
        }),
        FUZZ(40),
      );
    });
  });
});

test("pages answer hostile query and path parameters without a server error", async ({ playwright }) => {
  const buyer = await buyerWithCart(() => playwright.request.newContext());
  const anonymous = await playwright.request.newContext();
  const routes = [
    (v: string) => `/checkout/review?amazonCheckoutSessionId=${v}`,
    (v: string) => `/checkout/result?amazonCheckoutSessionId=${v}`,
    (v: string) => `/cart?checkout=${v}`,
    (v: string) => `/admin/orders?status=${v}`,
    (v: string) => `/products/${v || "x"}`,
    (v: string) => `/orders/${v || "x"}`,
    (v: string) => `/admin/orders/${v || "x"}`,
    (v: string) => `/checkout/review?amazonCheckoutSessionId=${v}&amazonCheckoutSessionId=${v}`,
  ];
  await expectNoDatabaseChange(async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        queryValue,
        fc.boolean(),
        async (route, value, withCart) => {
          const response = await (withCart ? buyer : anonymous).get(`${SHOP}${route(value)}`, {
            maxRedirects: 0,
          });
          expect(response.status(), route(value)).toBeLessThan(500);
        },
      ),
      FUZZ(80),
    );
  });
  await buyer.dispose();
  await anonymous.dispose();
});

test.describe("server actions", () => {
  test("cart actions answer hostile form fields with a form error", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const update = actionId(CART, "updateCartLineAction");
    const remove = actionId(CART, "removeCartLineAction");
    const addFields = fc.oneof(
      fc.record({ slug: fc.constantFrom(...PRODUCT_SLUGS), quantity: invalidQuantity(true) }),
      fc.record({ slug: notASlug, quantity: oddText }),
    );
    const updateFields = fc.oneof(
      fc.record({ slug: fc.constant("harbor-ceramic-mug"), quantity: invalidQuantity(false) }),
      fc.record({ slug: notASlug, quantity: oddText }),
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(addFields, tamperingFields, async (fields, extra) => {
          expectFormError(
            await callFormAction(
              buyer,
              SHOP,
              "/products/harbor-ceramic-mug",
              add,
              { ...extra, ...fields },
              { withState: true },
            ),
            fields,
          );
        }),
        FUZZ(40),
      );
      await fc.assert(
        fc.asyncProperty(updateFields, async (fields) => {
          expectFormError(
            await callFormAction(buyer, SHOP, "/cart", update, fields, { withState: true }),
            fields,
          );
        }),
        FUZZ(30),
      );
      await fc.assert(
        fc.asyncProperty(
          notASlug.filter(
            (text) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text.trim()) || text.trim().length > 80,
          ),
          async (slug) => {
            expectFormError(
              await callFormAction(buyer, SHOP, "/cart", remove, { slug }, { withState: true }),
              slug,
            );
          },
        ),
        FUZZ(20),
      );
      // Called by hand with anything but (previous state, FormData): a message, not a crash.
      for (const root of [
        "[]",
        '["x"]',
        "[1,2,3]",
        '[{"slug":"harbor-ceramic-mug","quantity":1}]',
        '["$K1"]',
        "[null,null]",
      ]) {
        for (const id of [add, update, remove])
          expectFormError(
            await callFormAction(
              buyer,
              SHOP,
              "/cart",
              id,
              { slug: "harbor-ceramic-mug", quantity: "2" },
              { root },
            ),
            root,
          );
      }
    });
    await buyer.dispose();
  });

  test("checkout actions refuse hostile arguments", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const placeOrder = actionId(CHECKOUT, "placeOrderAction");
    const chooseShipping = actionId(CHECKOUT, "chooseShippingMethodFormAction");
    const complete = actionId(CHECKOUT, "completeCheckoutAction");
    const completeForm = actionId(CHECKOUT, "completeCheckoutFormAction");
    const buyNow = [
      "buyNowInitAction",
      "buyNowAddressAction",
      "buyNowDeliveryAction",
      "buyNowCompleteAction",
    ].map((name) => actionId(BUY_NOW, name));
    const hostileSession = oddText.filter((text) => !/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(text.trim()));
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ sessionId: fc.oneof(hostileSession, fc.uuid()), fingerprint: oddText }),
          tamperingFields,
          async (fields, extra) => {
            expectFormError(
              await callFormAction(
                buyer,
                SHOP,
                "/checkout/review",
                placeOrder,
                { ...extra, ...fields },
                { withState: true },
              ),
              fields,
            );
          },
        ),
        FUZZ(30),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.record({ sessionId: fc.oneof(hostileSession, fc.uuid()), shippingMethod: oddText }),
          async (fields) => {
            // A plain form: it answers by sending the browser back to the cart with a notice.
            const answer = await callFormAction(buyer, SHOP, "/checkout/review", chooseShipping, fields);
            expect(answer.status, JSON.stringify(fields)).toBeLessThan(400);
            expect(answer.redirect, JSON.stringify(fields)).toMatch(
              /^\/cart\?checkout=session-(unknown|foreign)/,
            );
          },
        ),
        FUZZ(20),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(reactEncodable, { maxLength: 3 }), async (args) => {
          const answer = await callAction(buyer, SHOP, "/checkout/result", complete, args);
          expect(answer.status, JSON.stringify(args)).toBe(200);
          expect(answer.result, JSON.stringify(args)).toMatchObject({
            next: expect.stringMatching(/^\/cart\?checkout=session-/),
            message: expect.stringMatching(/\S/),
          });
          const form = await callFormAction(buyer, SHOP, "/checkout/result", completeForm, {
            sessionId: JSON.stringify(args[0] ?? "").slice(0, 200),
          });
          expect(form.status).toBeLessThan(400);
          expect(form.redirect).toMatch(/^\/cart\?checkout=session-/);
        }),
        FUZZ(20),
      );
      const buyNowArgs = fc.oneof(
        fc.array(reactEncodable, { maxLength: 3 }),
        fc
          .record(
            {
              sessionId: fc.oneof(hostileSession, fc.uuid()),
              slug: fc.oneof(fc.constantFrom(...PRODUCT_SLUGS), notASlug),
              quantity: fc.oneof(
                fc.integer({ max: 0 }),
                fc.integer({ min: 100 }),
                fc.double().filter((value) => !Number.isInteger(value)),
                oddText,
              ),
              deliveryOptionId: oddText,
              shippingAddress: reactEncodable,
            },
            { requiredKeys: [] },
          )
          .map((value) => [value]),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...buyNow), buyNowArgs, async (id, args) => {
          const answer = await callAction(buyer, SHOP, "/products/harbor-ceramic-mug", id, args);
          expect(answer.status, JSON.stringify(args)).toBe(200);
          expect(answer.result, JSON.stringify(args)).toMatchObject({
            status: "error",
            reasonCode: expect.stringMatching(/\S/),
            message: expect.stringMatching(/\S/),
          });
        }),
        FUZZ(60),
      );
    });
    await buyer.dispose();
  });

  test("malformed server action requests get a 4xx, never a 500", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const init = actionId(BUY_NOW, "buyNowInitAction");
    const unescapedDollar = fc.constantFrom(
      "$@1",
      "$h1",
      "$F1",
      "$Q1",
      "$W1",
      "$1",
      "$n",
      "$nxyz",
      "$B1",
      "$T1",
      "$D",
      "$Dnot-a-date",
      "$S",
      "$Z",
      "$i",
      "$l",
    );
    const rawBody = fc.oneof(
      oddText,
      fc
        .jsonValue()
        .filter((value) => !Array.isArray(value))
        .map((value) => JSON.stringify(value)),
      fc
        .array(unescapedDollar, { minLength: 1, maxLength: 3 })
        .map((value) => JSON.stringify([{ sessionId: value }])),
      fc.integer({ min: 33, max: 3_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    );
    await expectNoDatabaseChange(async () => {
      await fc.assert(
        fc.asyncProperty(rawBody, async (body) => {
          const answer = await callAction(buyer, SHOP, "/products/harbor-ceramic-mug", init, body);
          expect([400, 413], body.slice(0, 200)).toContain(answer.status);
        }),
        FUZZ(50),
      );
      const oversize = await callAction(
        buyer,
        SHOP,
        "/products/harbor-ceramic-mug",
        init,
        JSON.stringify([{ sessionId: "a".repeat(1_100_000) }]),
      );
      expect(oversize.status).toBe(413);
      // Multipart bodies: no arguments field, arguments that are not a list, a broken form.
      for (const root of ["", "x", "{}", "5", '"$K1"', '[null,"$@1"]']) {
        const answer = await callFormAction(
          buyer,
          SHOP,
          "/products/harbor-ceramic-mug",
          add,
          { slug: "harbor-ceramic-mug" },
          { root },
        );
        expect(answer.status, root).toBe(400);
      }
      const noRoot = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { "next-action": add, origin: SHOP },
        multipart: { _1_slug: "harbor-ceramic-mug" },
      });
      expect(noRoot.status()).toBe(400);
      const broken = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { "next-action": add, origin: SHOP, "content-type": "multipart/form-data; boundary=xyz" },
        data: "--xyz\r\ngarbage",
      });
      expect(broken.status()).toBe(400);
      // Unknown, malformed and foreign-build action ids.
      for (const id of ["0".repeat(42), "zz", "a".repeat(3000), "60" + "f".repeat(40)]) {
        const answer = await callAction(buyer, SHOP, "/cart", id, "[]");
        expect(answer.status, id).toBeGreaterThanOrEqual(400);
        expect(answer.status, id).toBeLessThan(500);
      }
      // A form posted without JavaScript that names an action with the wrong arguments.
      const mpa = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
        headers: { origin: SHOP },
        multipart: { [`$ACTION_ID_${add}`]: "", slug: "harbor-ceramic-mug", quantity: "1" },
        maxRedirects: 0,
      });
      expect(mpa.status()).toBeLessThan(500);
      for (const reference of ["garbage", '{"id":"nope","bound":null}', '{"id":1}']) {
        const answer = await buyer.post(`${SHOP}/cart`, {
          headers: { origin: SHOP },
          multipart: { $ACTION_REF_1: "", "$ACTION_1:0": reference, $ACTION_KEY: "k" },
          maxRedirects: 0,
        });
        expect(answer.status(), reference).toBeGreaterThanOrEqual(400);
        expect(answer.status(), reference).toBeLessThan(500);
      }
      // Paths whose %-escapes do not decode.
      for (const path of ["/products/%ff", "/orders/%ff%fe", "/api/orders/%ff/status", "/admin/orders/%c0"]) {
        expect((await buyer.get(`${SHOP}${path}`, { maxRedirects: 0 })).status(), path).toBe(400);
      }
    });
    await buyer.dispose();
  });

  test("server actions refuse foreign origins", async ({ playwright }) => {
    const buyer = await buyerWithCart(() => playwright.request.newContext());
    const add = actionId(CART, "addToCartAction");
    const complete = actionId(CHECKOUT, "completeCheckoutAction");
    await expectNoDatabaseChange(async () => {
      for (const origin of [
        "https://evil.example",
        "http://127.0.0.1:1",
        "null",
        "http://127.0.0.1.evil.example",
      ]) {
        const form = await callFormAction(
          buyer,
          SHOP,
          "/products/harbor-ceramic-mug",
          add,
          { slug: "harbor-ceramic-mug", quantity: "3" },
          { withState: true, origin },
        );
        expect(form.status, origin).toBe(403);
        const json = await callAction(buyer, SHOP, "/checkout/result", complete, ["abc"], { origin });
        expect(json.status, origin).toBe(403);
        // The same form posted without JavaScript (no Next-Action header).
        const mpa = await buyer.post(`${SHOP}/products/harbor-ceramic-mug`, {
          headers: { origin },
          multipart: { [`$ACTION_ID_${add}`]: "", slug: "harbor-ceramic-mug", quantity: "3" },
          maxRedirects: 0,
        });
        expect(mpa.status(), origin).toBe(403);
      }
    });
    // The shop's own origin is accepted: the same call adds the item.
    const own = await callFormAction(
      buyer,
      SHOP,
      "/products/harbor-ceramic-mug",
      add,
      { slug: "harbor-ceramic-mug", quantity: "3" },
      { withState: true },
    );
    expect(own.result).toMatchObject({ ok: true, data: { quantity: 4 } });
    await buyer.dispose();
  });
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
          expect(completed.result, sessionId).toMatchObject({ next: "/cart?checkout=session-unknown" });
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
    totalBaseAmount: { amount: "37.00", currencyCode: "USD" },
    totalOrderAmount: { amount: "45.40", currencyCode: "USD" },
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
