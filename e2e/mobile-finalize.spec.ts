import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { e2eDb } from "./support/database";
import { E2E_DATA_DIR, EMULATOR_URL, shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

// A mobile app gets its Checkout Session from Amazon's SDK; here the emulator's Buy Now endpoints
// play that part. The shop prices the items itself and Finalizes through /api/checkout/finalize.
const merchant = () =>
  JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "local-merchant.json"), "utf8")) as {
    merchantId: string;
    publicKeyId: string;
    storeId: string;
  };

async function mobileSession(request: APIRequestContext, chargeAmount: string): Promise<string> {
  const { merchantId, publicKeyId, storeId } = merchant();
  const started = await request.post(`${EMULATOR_URL}/checkout/buy-now/sessions`, {
    data: {
      merchantId,
      publicKeyId,
      checkoutSessionConfig: {
        storeId,
        scopes: ["name", "email"],
        paymentDetails: { paymentIntent: "AuthorizeWithCapture" },
      },
    },
  });
  expect(started.ok()).toBe(true);
  const { amazonCheckoutSessionId: id, buyers } = (await started.json()) as {
    amazonCheckoutSessionId: string;
    buyers: { buyerId: string }[];
  };
  const base = `${EMULATOR_URL}/checkout/buy-now/sessions/${id}`;
  expect(
    (
      await request.post(`${base}/selection`, {
        data: { buyerId: buyers[0]!.buyerId, addressId: "ava-home", paymentMethodId: "visa-1111" },
      })
    ).ok(),
  ).toBe(true);
  const price = { amount: chargeAmount, currencyCode: "USD" };
  const zero = { amount: "0.00", currencyCode: "USD" };
  const cart = await request.post(`${base}/cart`, {
    data: {
      event: "init",
      cartDetails: {
        totalBaseAmount: price,
        totalShippingAmount: zero,
        totalTaxAmount: zero,
        totalChargeAmount: price,
        totalOrderAmount: price,
        deliveryOptions: [
          {
            id: "standard",
            price: zero,
            shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "standard" },
            isDefault: true,
          },
        ],
      },
    },
  });
  expect(cart.ok(), await cart.text()).toBe(true);
  expect((await request.post(`${base}/confirm`, { data: {} })).ok()).toBe(true);
  return id;
}

test.describe("finalize for a mobile app (POST /api/checkout/finalize)", () => {
  test.use({ baseURL: shopUrl() });

  test("prices from the database, Finalizes, records the order; a retry returns the same order", async ({
    request,
  }) => {
    // 2 × $36.00 + $5.99 standard shipping + WA 6.5 % tax of $72.00 ($4.68) = $82.67
    const sessionId = await mobileSession(request, "82.67");
    const body = { checkoutSessionId: sessionId, items: [{ slug: "sailcloth-tote", quantity: 2 }] };
    const first = await request.post("/api/checkout/finalize", { data: body });
    expect(first.status(), await first.text()).toBe(200);
    const answer = (await first.json()) as {
      orderNumber: string;
      status: string;
      total: { amountMinor: number };
    };
    expect(answer).toMatchObject({ status: "Paid", total: { amountMinor: 8267 } });
    const again = await request.post("/api/checkout/finalize", { data: body });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { orderNumber: string }).orderNumber).toBe(answer.orderNumber);
    const order = await e2eDb().order.findUniqueOrThrow({
      where: { orderNumber: answer.orderNumber },
      include: { charges: true },
    });
    expect(order).toMatchObject({ flow: "mobile", status: "Paid", totalMinor: 8267, shipState: "WA" });
    expect(order.charges).toHaveLength(1);
  });

  test("an amount Amazon did not agree to is refused, and nothing is charged", async ({ request }) => {
    const sessionId = await mobileSession(request, "10.00"); // the app showed the buyer a wrong total
    const response = await request.post("/api/checkout/finalize", {
      data: { checkoutSessionId: sessionId, items: [{ slug: "sailcloth-tote", quantity: 2 }] },
    });
    expect(response.status()).toBe(402);
    const order = await e2eDb().order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { charges: true },
    });
    expect(order.status).toBe("Failed");
    expect(order.charges).toEqual([]);
  });

  test("two requests racing with other quantities: one order, exactly what Amazon charged", async ({
    request,
  }) => {
    const sessionId = await mobileSession(request, "82.67"); // 2 totes, as above
    const finalize = (quantity: number) =>
      request.post("/api/checkout/finalize", {
        data: { checkoutSessionId: sessionId, items: [{ slug: "sailcloth-tote", quantity }] },
      });
    const answers = await Promise.all([finalize(2), finalize(3)]);

    // Whichever came first wrote the order; the other could not re-price it.
    const statuses = answers.map((answer) => answer.status()).sort();
    expect([
      [200, 409],
      [402, 409],
    ]).toContainEqual(statuses);
    const refused = answers.find((answer) => answer.status() === 409)!;
    expect(await refused.json()).toMatchObject({ code: "order-claimed" });
    const order = await e2eDb().order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true, charges: true },
    });
    if (statuses[0] === 200) {
      expect(order).toMatchObject({ status: "Paid", totalMinor: 8267, capturedMinor: 8267 });
      expect(order.lines.map((line) => line.quantity)).toEqual([2]);
      expect(order.charges.map((charge) => charge.amountMinor)).toEqual([8267]);
    } else {
      // 3 totes cost more than the buyer agreed to at Amazon: refused, nothing charged.
      expect(order).toMatchObject({ status: "Failed", capturedMinor: 0 });
      expect(order.lines.map((line) => line.quantity)).toEqual([3]);
      expect(order.charges).toEqual([]);
    }
  });

  test("bad requests get clear 4xx answers", async ({ request }) => {
    const post = (data: unknown, headers: Record<string, string> = {}) =>
      request.post("/api/checkout/finalize", { data, headers });
    expect((await post({ items: [] })).status()).toBe(400);
    expect(
      (await post({ checkoutSessionId: "x", items: [{ slug: "sailcloth-tote", quantity: 0 }] })).status(),
    ).toBe(400);
    expect(
      (await post({ checkoutSessionId: "x", items: [{ slug: "sailcloth-tote", quantity: 1.5 }] })).status(),
    ).toBe(400);
    expect(
      (
        await post({ checkoutSessionId: "x", items: [{ slug: "sailcloth-tote", quantity: 1, price: 1 }] })
      ).status(),
    ).toBe(400);
    expect(
      (await post({ checkoutSessionId: "x", items: [{ slug: "no-such-product", quantity: 1 }] })).status(),
    ).toBe(422);
    expect(
      (
        await post({
          checkoutSessionId: "00000000-0000-4000-8000-000000000000",
          items: [{ slug: "sailcloth-tote", quantity: 1 }],
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await post(
          { checkoutSessionId: "x", items: [{ slug: "sailcloth-tote", quantity: 1 }] },
          { "x-cart-token": "forged" },
        )
      ).status(),
    ).toBe(401);
    expect(
      (
        await request.post("/api/checkout/finalize", {
          data: "not json",
          headers: { "content-type": "application/json" },
        })
      ).status(),
    ).toBe(400);
    expect(
      (
        await request.post("/api/checkout/finalize", { data: "x", headers: { "content-type": "text/plain" } })
      ).status(),
    ).toBe(415);
    expect(
      (
        await request.post("/api/checkout/finalize", {
          data: JSON.stringify({ pad: "x".repeat(20_000) }),
          headers: { "content-type": "application/json" },
        })
      ).status(),
    ).toBe(413);
  });
});
