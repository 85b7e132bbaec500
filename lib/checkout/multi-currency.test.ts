// Amazon Pay multi-currency on a euro shop, against the emulator and a real database: a buyer who
// chose to pay in CHF is quoted, updated, completed, charged and refunded in CHF, and the order
// records the ledger currency, its total and the merchant's rate. The browser only chooses among
// the offered currencies; in the US market the choice does nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_BUYERS } from "@storefront/amazon-pay-emulator";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { completeCheckout } from "@/lib/checkout/complete";
import { placeOrder } from "@/lib/checkout/place-order";
import { loadReview } from "@/lib/checkout/review";
import { refundPayment } from "@/lib/merchant/refund";
import { syncCharge } from "@/lib/reconciliation/sync";
import { currentExchangeRate } from "@/lib/presentment/server";
import { chooseAtAmazon, followAmazonPayRedirect } from "@/tests/helpers/amazon-buyer";
import { buyerWithCart, TWO_MUGS } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { browseAs, withCookie } from "@/tests/helpers/next-request";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

const LENA = TEST_BUYERS.find((buyer) => buyer.email === "buyer-de@sandbox.example")!.buyerId;

let ratesDir: string;
let ratesFile: string;
beforeAll(() => {
  ratesDir = mkdtempSync(path.join(tmpdir(), "rates-"));
  ratesFile = path.join(ratesDir, "exchange-rates.json");
  writeFileSync(ratesFile, JSON.stringify({ EUR: { CHF: "0.9412", USD: "1.0845" } }));
});
afterAll(() => rmSync(ratesDir, { recursive: true, force: true }));

/** A browser with two mugs in its cart and this currency cookie presses the cart's Amazon Pay button. */
async function checkoutInCurrency(shop: ShopHarness, currency: string | null) {
  const buyer = await buyerWithCart(shop.prisma, TWO_MUGS);
  browseAs(buyer.cartToken);
  if (currency) withCookie("currency", currency);
  const rate = await currentExchangeRate();
  const button = checkoutButtonProps(rate.to);
  const started = await fetch(`${shop.emulator.url}/checkout/start`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...button.createCheckoutSessionConfig, merchantId: button.merchantId }),
    redirect: "manual",
  });
  const sessionId = new URL(started.headers.get("location")!, shop.emulator.url).searchParams.get(
    "amazonCheckoutSessionId",
  )!;
  await chooseAtAmazon(shop.emulator, sessionId, { buyerId: LENA, addressId: "de-berlin" });
  const review = await loadReview(sessionId);
  if (!review.ok) throw new Error(`the review page refused the checkout: ${review.notice}`);
  return { buyer, sessionId, rate, button, review: review.view };
}

describe("a euro shop with CHF and USD in its rate table", () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShopHarness(await createTestDatabase(), {
      environment: { AMAZON_PAY_REGION: "eu", SHOP_CURRENCY: "EUR", EXCHANGE_RATES_FILE: ratesFile },
    });
  });
  afterAll(() => shop.close());

  it("quotes, charges and refunds a buyer paying in CHF in CHF, and records the ledger total and rate", async () => {
    const { buyer, sessionId, rate, button, review } = await checkoutInCurrency(shop, "CHF");
    expect(JSON.parse(button.createCheckoutSessionConfig.payloadJSON)).toMatchObject({
      paymentDetails: { presentmentCurrency: "CHF" },
    });
    const { cart } = review;
    expect(cart.currency).toBe("CHF");
    expect(cart.ledger.quote.currency).toBe("EUR");
    expect(cart.lines[0]?.unitPrice).toEqual({ amount: 1685, currency: "CHF" }); // 17.90 € × 0.9412

    const placed = await placeOrder({
      sessionId,
      cartId: buyer.cartId,
      fingerprint: review.fingerprint,
      rate,
    });
    expect(placed).toMatchObject({ ok: true });
    const session = (await amazonPay().client.checkoutSessions.get(sessionId)).data;
    expect(session.paymentDetails?.chargeAmount).toEqual({
      amount: (cart.quote.total.amount / 100).toFixed(2),
      currencyCode: "CHF",
    });
    expect(session.paymentDetails?.presentmentCurrency).toBe("CHF");
    const draft = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true },
    });
    expect(draft).toMatchObject({
      currency: "CHF",
      totalMinor: cart.quote.total.amount,
      ledgerCurrency: "EUR",
      ledgerTotalMinor: cart.ledger.quote.total.amount,
      exchangeRate: "0.9412",
    });
    expect(draft.lines.map((line) => line.unitPriceMinor)).toEqual([1685]);

    await followAmazonPayRedirect(placed.ok ? placed.redirectUrl : "");
    await completeCheckout(sessionId, buyer.cartId, "return");
    const paid = await shop.prisma.order.findUniqueOrThrow({
      where: { id: draft.id },
      include: { charges: true },
    });
    expect(paid).toMatchObject({ status: "Paid", capturedMinor: draft.totalMinor });
    expect(paid.charges).toEqual([
      expect.objectContaining({ currency: "CHF", amountMinor: draft.totalMinor }),
    ]);
    // The charge is read back from Amazon, with its conversion to the ledger currency.
    expect(await syncCharge(paid.charges[0]!.id, "reconciler")).toMatchObject({ kind: "applied" });

    const refunded = await refundPayment(draft.orderNumber, `refund-${Date.now()}-chf`, 500);
    expect(refunded).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Refund of 5,00\sCHF requested/),
    });
    const refund = await shop.prisma.refund.findFirstOrThrow({ where: { orderId: draft.id } });
    expect(refund).toMatchObject({ currency: "CHF", amountMinor: 500 });
    const atAmazon = (await amazonPay().client.refunds.get(refund.id)).data;
    expect(atAmazon.refundAmount).toEqual({ amount: "5.00", currencyCode: "CHF" });
  });

  it("pays in the ledger currency without a choice, or with a currency the shop does not offer", async () => {
    for (const cookie of [null, "SEK", "chf<script>"]) {
      const { buyer, sessionId, rate, button, review } = await checkoutInCurrency(shop, cookie);
      expect(rate.to, String(cookie)).toBe("EUR");
      expect(JSON.parse(button.createCheckoutSessionConfig.payloadJSON).paymentDetails).toBeUndefined();
      expect(review.cart.currency).toBe("EUR");
      const placed = await placeOrder({
        sessionId,
        cartId: buyer.cartId,
        fingerprint: review.fingerprint,
        rate,
      });
      expect(placed).toMatchObject({ ok: true });
      expect(
        await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } }),
      ).toMatchObject({ currency: "EUR", ledgerCurrency: "EUR", exchangeRate: "1" });
    }
  });

  it("asks for a new review when the currency changed after the review", async () => {
    const { buyer, sessionId, review } = await checkoutInCurrency(shop, "CHF");
    withCookie("currency", "USD");
    const placed = await placeOrder({
      sessionId,
      cartId: buyer.cartId,
      fingerprint: review.fingerprint,
      rate: await currentExchangeRate(),
    });
    expect(placed).toMatchObject({ ok: false, error: expect.stringMatching(/changed/) });
    expect(await shop.prisma.order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
  });
});

describe("a US shop with the same rate table", () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShopHarness(await createTestDatabase(), {
      environment: { AMAZON_PAY_REGION: "na", SHOP_CURRENCY: "USD", EXCHANGE_RATES_FILE: ratesFile },
    });
  });
  afterAll(() => shop.close());

  it("ignores the buyer's currency choice: there is no multi-currency in the US", async () => {
    const buyer = await buyerWithCart(shop.prisma, TWO_MUGS);
    browseAs(buyer.cartToken);
    withCookie("currency", "CHF");
    expect(await currentExchangeRate()).toMatchObject({ from: "USD", to: "USD" });
    expect(JSON.parse(checkoutButtonProps("CHF").createCheckoutSessionConfig.payloadJSON)).not.toHaveProperty(
      "paymentDetails",
    );
  });
});
