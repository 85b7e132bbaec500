// A whole redirect checkout in each market the shop can sell in, started with nothing but
// AMAZON_PAY_REGION and SHOP_CURRENCY: the button Amazon is shown, the review priced in the
// market's currency with its tax, and the amount Amazon charges, with the currency's exponent.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_BUYERS } from "@storefront/amazon-pay-emulator";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { buyNowButtonProps } from "@/lib/checkout/buy-now";
import { completeCheckout } from "@/lib/checkout/complete";
import { getAdminOrder } from "@/lib/merchant/server";
import { getBuyerOrder } from "@/lib/orders/buyer-view";
import { paidAtAmazon, reviewedCheckout } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
vi.mock("next/cache", () => ({ refresh: () => {} }));

const buyerOf = (region: string) => {
  const buyer = TEST_BUYERS.find((b) => b.region === region);
  if (!buyer) throw new Error(`the emulator has no ${region} test buyer`);
  return buyer;
};

const deliveryCountries = () =>
  Object.keys(
    (
      JSON.parse(checkoutButtonProps().createCheckoutSessionConfig.payloadJSON) as {
        deliverySpecifications: { addressRestrictions: { restrictions: Record<string, unknown> } };
      }
    ).deliverySpecifications.addressRestrictions.restrictions,
  );

describe("a shop in Japan (AMAZON_PAY_REGION=jp)", () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShopHarness(await createTestDatabase(), { environment: { AMAZON_PAY_REGION: "jp" } });
  });
  afterAll(() => shop.close());

  it("shows Amazon a yen, Japanese-language button that delivers to Japan", () => {
    expect(checkoutButtonProps()).toMatchObject({
      ledgerCurrency: "JPY",
      checkoutLanguage: "ja_JP",
      productType: "PayAndShip",
    });
    expect(buyNowButtonProps()).toMatchObject({ ledgerCurrency: "JPY", checkoutLanguage: "ja_JP" });
    expect(deliveryCountries()).toEqual(["JP"]);
  });

  it("prices in whole yen with consumption tax included, and Amazon charges exactly that", async () => {
    const jp = buyerOf("jp");
    const { buyer, sessionId, review, order } = await paidAtAmazon(shop, {
      items: [{ slug: "harbor-ceramic-mug", quantity: 2 }],
      choice: { buyerId: jp.buyerId, addressId: jp.addresses[0]!.id },
    });
    expect(review.shippingProblem).toBeNull();
    expect(review.cart.quote).toMatchObject({
      subtotal: { amount: 5960, currency: "JPY" },
      shipping: { amount: 600, currency: "JPY" },
      total: { amount: 6560, currency: "JPY" },
      tax: { amount: 596, currency: "JPY" }, // 6560 / 11 = 596.36…
      taxIncluded: true,
      taxIsFinal: true,
    });
    expect(order).toMatchObject({
      currency: "JPY",
      totalMinor: 6560,
      taxMinor: 596,
      taxMode: "consumption-tax",
    });

    expect(await completeCheckout(sessionId, buyer.cartId, "return")).toMatchObject({ kind: "placed" });
    const paid = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(paid).toMatchObject({ status: "Paid", capturedMinor: 6560 });
    const { data: charge } = await amazonPay().client.charges.get(paid.chargeId!);
    expect(charge.captureAmount).toEqual({ amount: "6560", currencyCode: "JPY" });
  });
});

describe("a shop in the euro countries (AMAZON_PAY_REGION=eu)", () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShopHarness(await createTestDatabase(), { environment: { AMAZON_PAY_REGION: "eu" } });
  });
  afterAll(() => shop.close());

  it("shows Amazon a euro, German-language button that delivers to the euro countries", () => {
    expect(checkoutButtonProps()).toMatchObject({ ledgerCurrency: "EUR", checkoutLanguage: "de_DE" });
    expect(deliveryCountries()).toEqual(expect.arrayContaining(["DE", "AT", "FR", "IT", "ES", "NL", "BE"]));
  });

  it("includes the destination country's VAT (Austria 20 %) and charges the euro total", async () => {
    const de = buyerOf("eu");
    const vienna = de.addresses.find((a) => a.address.countryCode === "AT");
    const { buyer, sessionId, review, order } = await paidAtAmazon(shop, {
      items: [{ slug: "copper-pour-over-kettle", quantity: 1 }],
      choice: { buyerId: de.buyerId, addressId: vienna!.id },
    });
    expect(review.cart.quote).toMatchObject({
      subtotal: { amount: 6490, currency: "EUR" },
      shipping: { amount: 495, currency: "EUR" },
      total: { amount: 6985, currency: "EUR" },
      tax: { amount: 1164, currency: "EUR" }, // 69.85 / 6 = 11.641…
      taxRateBasisPoints: 2000,
    });
    expect(order).toMatchObject({ currency: "EUR", totalMinor: 6985, taxMode: "vat" });
    await completeCheckout(sessionId, buyer.cartId, "return");
    const paid = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    const { data: charge } = await amazonPay().client.charges.get(paid.chargeId!);
    expect(charge.captureAmount).toEqual({ amount: "69.85", currencyCode: "EUR" });
  });
});

describe("a shop in the United Kingdom (AMAZON_PAY_REGION=eu, SHOP_CURRENCY=GBP)", () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShopHarness(await createTestDatabase(), {
      environment: { AMAZON_PAY_REGION: "eu", SHOP_CURRENCY: "GBP" },
    });
  });
  afterAll(() => shop.close());

  it("prices in pounds with VAT included, delivers to the UK only", async () => {
    expect(checkoutButtonProps()).toMatchObject({ ledgerCurrency: "GBP", checkoutLanguage: "en_GB" });
    expect(deliveryCountries()).toEqual(["GB"]);
    const uk = TEST_BUYERS.find((b) => b.region === "eu" && b.addresses[0]?.address.countryCode === "GB");
    const { review } = await reviewedCheckout(shop, {
      items: [{ slug: "sailcloth-tote", quantity: 1 }],
      choice: { buyerId: uk!.buyerId, addressId: uk!.addresses[0]!.id },
    });
    expect(review.shippingProblem).toBeNull();
    expect(review.cart.quote).toMatchObject({
      total: { amount: 2900 + 395, currency: "GBP" },
      tax: { amount: 549, currency: "GBP" }, // 32.95 / 6 = 5.491…
      taxMode: "vat",
    });
  });

  it("keeps the county of an address without a phone number, on the confirmation and merchant page", async () => {
    const uk = TEST_BUYERS.find((b) => b.addresses.some((a) => a.id === "uk-manchester-no-phone"));
    const { buyer, sessionId } = await paidAtAmazon(shop, {
      items: [{ slug: "sailcloth-tote", quantity: 1 }],
      choice: { buyerId: uk!.buyerId, addressId: "uk-manchester-no-phone" },
    });
    expect(await completeCheckout(sessionId, buyer.cartId, "return")).toMatchObject({ kind: "placed" });
    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order).toMatchObject({ shipCounty: "Greater Manchester", shipPhone: null, shipState: null });
    const expectedLines = [
      "Oliver Hughes",
      "1 Piccadilly Gardens",
      "Manchester",
      "Greater Manchester",
      "M1 1RG",
    ];
    expect((await getBuyerOrder(order.orderNumber))?.addressLines.slice(0, 5)).toEqual(expectedLines);
    expect((await getAdminOrder(order.orderNumber))?.addressLines.slice(0, 5)).toEqual(expectedLines);
  });
});
