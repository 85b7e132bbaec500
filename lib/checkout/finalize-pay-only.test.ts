// PayOnly: a checkout of products that need no shipping (a gift card). Amazon shares no shipping
// address, only the buyer's billing address: Finalize sends that one back, nothing is charged
// for shipping, the sales tax is the billing state's, and the order records the billing address
// and no shipping address. Buy Now and the mobile app, against the emulator and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_BUYERS } from "@storefront/amazon-pay-emulator";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { completeBuyNow, startBuyNow, type CartDetailsAnswer } from "@/lib/checkout/buy-now";
import { finalizeForMobile } from "@/lib/checkout/mobile-finalize";
import { money } from "@/lib/money";
import { openBuyNowDialog, payNowInDialog, showCartInDialog } from "@/tests/helpers/amazon-buyer";
import { clearEmulatorLog, emulatorApiCalls } from "@/tests/helpers/amazon-calls";
import { buyerWithCart } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
  await shop.prisma.product.create({
    data: {
      slug: GIFT_CARD,
      name: "Harbor & Pine Gift Card",
      description: "A $25 gift card, sent by email.",
      prices: { create: { currency: "USD", amountMinor: 2500 } },
      imagePath: "/products/gift-card.svg",
      requiresShipping: false,
    },
  });
});
afterAll(() => shop.close());

const GIFT_CARD = "harbor-gift-card";
const BEN = TEST_BUYERS[1]!; // billed in New York (4 % sales tax)
const usd = (cents: number) => priceFromMoney(money(cents, "USD"));

/** Two gift cards for Ben: $50.00, no shipping, NY tax $2.00. */
const TWO_CARDS = { subtotal: 5000, shipping: 0, tax: 200, total: 5200 };

/** What the app's SDK shows for two gift cards: the amounts the shop quotes, no delivery options. */
const twoCardsCart = (): CartDetailsAnswer => ({
  totalBaseAmount: usd(TWO_CARDS.subtotal),
  totalShippingAmount: usd(TWO_CARDS.shipping),
  totalTaxAmount: usd(TWO_CARDS.tax),
  totalDiscountAmount: usd(0),
  totalChargeAmount: usd(TWO_CARDS.total),
  totalOrderAmount: usd(TWO_CARDS.total),
});

const BEN_BILLED = {
  shipLine1: null,
  shipState: null,
  shipCountry: null,
  billName: "Ben Carter",
  billLine1: "350 5th Ave",
  billCity: "New York",
  billState: "NY",
  billPostalCode: "10118",
  billCountry: "US",
};

describe("PayOnly (nothing to ship)", () => {
  it("mobile: Finalize sends the billing address; the order has no shipping, the billing address, NY tax", async () => {
    const { sessionId } = await openBuyNowDialog(shop.emulator, { buyerId: BEN.buyerId }, "PayOnly");
    await showCartInDialog(shop.emulator, sessionId, twoCardsCart());
    await payNowInDialog(shop.emulator, sessionId);
    clearEmulatorLog(shop.emulator);

    const answer = await finalizeForMobile(
      { checkoutSessionId: sessionId, items: [{ slug: GIFT_CARD, quantity: 2 }] },
      null,
    );

    expect(answer).toMatchObject({
      status: 200,
      body: { status: "Paid", total: { amountMinor: TWO_CARDS.total, currency: "USD" } },
    });
    expect(emulatorApiCalls(shop.emulator)).toEqual([
      `GET /v2/checkoutSessions/${sessionId} 200`,
      `POST /v2/checkoutSessions/${sessionId}/finalize 200`,
    ]);
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true },
    });
    expect(order).toMatchObject({
      ...BEN_BILLED,
      status: "Paid",
      subtotalMinor: TWO_CARDS.subtotal,
      shippingMinor: 0,
      taxMinor: TWO_CARDS.tax,
      totalMinor: TWO_CARDS.total,
      capturedMinor: TWO_CARDS.total,
      shippingMethod: "none",
    });
    expect(order.lines.map((line) => [line.name, line.quantity])).toEqual([["Harbor & Pine Gift Card", 2]]);
  });

  it("Buy Now: the dialog gets no delivery options and the billing state's tax; Finalize pays exactly that", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId, billingAddress } = await openBuyNowDialog(
      shop.emulator,
      { buyerId: BEN.buyerId },
      "PayOnly",
    );
    const quote = await startBuyNow({
      sessionId,
      cartId: buyer.cartId,
      slug: GIFT_CARD,
      quantity: 2,
      address: null,
      billingAddress,
    });
    if (!quote.ok) throw new Error(quote.message);
    expect(quote.cartDetails).toMatchObject(twoCardsCart());
    expect(quote.cartDetails.deliveryOptions).toBeUndefined();
    await showCartInDialog(shop.emulator, sessionId, quote.cartDetails);
    await payNowInDialog(shop.emulator, sessionId);

    const result = await completeBuyNow({ sessionId, cartId: buyer.cartId });

    expect(result).toEqual({ kind: "placed", orderNumber: expect.stringMatching(/^HP-/) });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({ ...BEN_BILLED, status: "Paid", totalMinor: TWO_CARDS.total });
  });

  it("refuses products that need shipping in a checkout without a shipping address, before any order or charge", async () => {
    const { sessionId } = await openBuyNowDialog(shop.emulator, { buyerId: BEN.buyerId }, "PayOnly");
    await showCartInDialog(shop.emulator, sessionId, twoCardsCart());
    await payNowInDialog(shop.emulator, sessionId);
    clearEmulatorLog(shop.emulator);

    const answer = await finalizeForMobile(
      { checkoutSessionId: sessionId, items: [{ slug: "sailcloth-tote", quantity: 1 }] },
      null,
    );

    expect(answer).toEqual({
      status: 422,
      body: {
        code: "unshippable",
        error:
          "These items are shipped, and this Amazon Pay checkout has no shipping address. Please start again.",
      },
    });
    expect(await shop.prisma.order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
    expect(emulatorApiCalls(shop.emulator).filter((call) => call.includes("/finalize"))).toEqual([]);
  });
});
