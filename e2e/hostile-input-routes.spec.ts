// Hostile input over HTTP against the production servers, route handlers and pages: wrong types,
// huge and negative values, unicode and broken encodings in bodies, query strings and paths.
// The answer is a 4xx or a redirect, never a 5xx, and no row a buyer could affect changes.
import fc from "fast-check";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { EMULATOR_URL } from "./support/environment";
import { FUZZ, notASlug, oddText, PRODUCT_SLUGS, queryValue } from "./support/hostile";
import { buyerWithCart, SHOP } from "./support/hostile-buyer";
import { expect, test } from "./support/test";

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
