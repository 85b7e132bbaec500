// Buy Now on the product page: Amazon's dialog asks the shop for the cart (onInitCheckout), for
// new totals when the address or delivery changes, and finally to complete (onCompleteCheckout
// → Finalize). The shop prices everything from its database. Emulator and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { chooseBuyNowDelivery, completeBuyNow, repriceBuyNow, startBuyNow } from "@/lib/checkout/buy-now";
import { buyNowCompleteAction, buyNowInitAction } from "@/lib/checkout/buy-now-action";
import { addToCart } from "@/lib/cart/repository";
import { money } from "@/lib/money";
import { salesTax } from "@/lib/pricing/tax";
import { openBuyNowDialog } from "@/tests/helpers/amazon-buyer";
import { recordedAmazonCalls } from "@/tests/helpers/amazon-calls";
import { buyNowReadyToPay } from "@/tests/helpers/buy-now-journey";
import { buyerWithCart } from "@/tests/helpers/checkout-journey";
import { browseAs, cartCookie } from "@/tests/helpers/next-request";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));
vi.mock("next/cache", () => ({ refresh: () => {} }));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase());
});
afterAll(() => shop.close());

const MUG = "harbor-ceramic-mug";
const TEXAS = { addressLine1: "11501 Alterra Pkwy", countryCode: "US", stateOrRegion: "TX" };
const PO_BOX = { addressLine1: "PO Box 81226", countryCode: "US", stateOrRegion: "WA" };
const cents = (price: { amount: string }) => Math.round(Number(price.amount) * 100);

describe("Buy Now handlers", () => {
  it("onInitCheckout binds the session to the buyer's cart with product and quantity, and prices it from the database", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId, shippingAddress } = await openBuyNowDialog(shop.emulator);

    const answer = await startBuyNow({
      sessionId,
      cartId: buyer.cartId,
      slug: MUG,
      quantity: 2,
      address: shippingAddress,
    });

    const mug = await shop.prisma.product.findFirstOrThrow({
      where: { slug: MUG },
      include: { prices: { where: { currency: "USD" } } },
    });
    const mugPrice = mug.prices[0]!.amountMinor;
    expect(answer.ok).toBe(true);
    const cart = answer.ok ? answer.cartDetails : null;
    expect(cart!.lineItems).toEqual([
      {
        id: MUG,
        title: mug.name,
        quantity: "2",
        listPrice: priceFromMoney(money(mugPrice, "USD")),
        totalListPrice: priceFromMoney(money(2 * mugPrice, "USD")),
      },
    ]);
    expect(cart!.deliveryOptions!.map((option) => [option.id, option.isDefault])).toEqual([
      ["standard", true],
      ["express", false],
    ]);
    const { totalBaseAmount, totalShippingAmount, totalTaxAmount, totalOrderAmount } = cart!;
    expect(cents(totalBaseAmount)).toBe(2 * mugPrice);
    expect(cents(totalOrderAmount)).toBe(
      cents(totalBaseAmount) + cents(totalShippingAmount) + cents(totalTaxAmount),
    );
    expect(
      await shop.prisma.checkoutSessionBinding.findUniqueOrThrow({ where: { id: sessionId } }),
    ).toMatchObject({ cartId: buyer.cartId, flow: "buy-now", buyNowProductId: mug.id, buyNowQuantity: 2 });
  });

  it("keeps the product and quantity the session was bound with: a second onInitCheckout cannot change them", async () => {
    const buyer = await buyerWithCart(shop.prisma, []);
    const { sessionId, shippingAddress } = await openBuyNowDialog(shop.emulator);
    const base = { sessionId, cartId: buyer.cartId, slug: MUG, address: shippingAddress };
    await startBuyNow({ ...base, quantity: 1 });

    expect(await startBuyNow({ ...base, quantity: 5 })).toMatchObject({
      ok: false,
      reasonCode: "InvalidSession",
    });
  });

  it("a new address gets new totals, taxed for its state; one the shop cannot ship to is refused with a message", async () => {
    const { buyer, sessionId, cartDetails } = await buyNowReadyToPay(shop);

    const texas = await repriceBuyNow({ sessionId, cartId: buyer.cartId, address: TEXAS });
    const poBox = await repriceBuyNow({ sessionId, cartId: buyer.cartId, address: PO_BOX });

    const subtotal = money(cents(cartDetails.totalBaseAmount), "USD");
    expect(texas).toMatchObject({
      ok: true,
      cartDetails: { totalTaxAmount: priceFromMoney(salesTax(subtotal, "TX")) },
    });
    expect(poBox).toEqual({
      ok: false,
      reasonCode: "shippingAddressInvalid",
      message: "We cannot ship to PO boxes. Please choose a street address.",
    });
  });

  it("choosing express delivery remembers it and answers the new amounts", async () => {
    const { buyer, sessionId, cartDetails } = await buyNowReadyToPay(shop);

    const express = await chooseBuyNowDelivery({
      sessionId,
      cartId: buyer.cartId,
      method: "express",
      address: { countryCode: "US", stateOrRegion: "WA" },
    });

    expect(express.ok && express.cartDetails.lineItems).toBeUndefined(); // amounts only
    expect(express.ok && cents(express.cartDetails.totalShippingAmount)).toBeGreaterThan(
      cents(cartDetails.totalShippingAmount),
    );
    const binding = await shop.prisma.checkoutSessionBinding.findUniqueOrThrow({ where: { id: sessionId } });
    expect(binding.shippingMethod).toBe("express");
  });

  it("onCompleteCheckout finalizes the bound product and quantity: the order is Paid, the cart untouched", async () => {
    const { buyer, sessionId, cartDetails } = await buyNowReadyToPay(shop);
    await addToCart(shop.prisma, buyer.cartId, "sailcloth-tote", 1);

    const result = await completeBuyNow({ sessionId, cartId: buyer.cartId });

    expect(result).toEqual({ kind: "placed", orderNumber: expect.stringMatching(/^HP-/) });
    const order = await shop.prisma.order.findUniqueOrThrow({
      where: { checkoutSessionId: sessionId },
      include: { lines: true },
    });
    expect(order).toMatchObject({
      flow: "buy-now",
      status: "Paid",
      totalMinor: cents(cartDetails.totalOrderAmount),
    });
    expect(order.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(await recordedAmazonCalls(shop.prisma, order.id)).toContainEqual({
      operation: "finalizeCheckoutSession",
      status: 200,
      reasonCode: null,
      idempotencyKey: idempotencyKeyFor("finalize", sessionId),
    });
    // Buy Now buys one product on its own: what was in the cart stays there.
    expect(await shop.prisma.cartLine.count({ where: { cartId: buyer.cartId } })).toBe(1);
  });
});

describe("Buy Now server actions", () => {
  it("onInitCheckout from a first-time visitor creates the cart (and cookie) that will own the order", async () => {
    const { sessionId, shippingAddress } = await openBuyNowDialog(shop.emulator);
    browseAs(null);

    const answer = await buyNowInitAction({ sessionId, slug: MUG, quantity: 1, shippingAddress });

    expect(answer).toMatchObject({ ok: true, data: { totalOrderAmount: { currencyCode: "USD" } } });
    expect(cartCookie()).toEqual(expect.any(String));
  });

  it("refuses what the browser may not choose: prices, a product that does not exist, a quantity of 0", async () => {
    const { sessionId } = await openBuyNowDialog(shop.emulator);
    const invalid = { ok: false, code: "InvalidRequest", error: "The checkout request was not valid." };

    expect(await buyNowInitAction({ sessionId, slug: MUG, quantity: 0 })).toEqual(invalid);
    expect(await buyNowInitAction({ sessionId, slug: "../etc", quantity: 1 })).toEqual(invalid);
    expect(await buyNowInitAction({ sessionId, slug: "no-such-mug", quantity: 1 })).toMatchObject({
      ok: false,
      code: "ProductUnavailable",
    });
  });

  it("Pay now closes the dialog and opens the order page", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop);
    browseAs(buyer.cartToken);

    const answer = await buyNowCompleteAction({ sessionId });

    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(answer).toEqual({ ok: true, data: undefined, redirectTo: `/orders/${order.orderNumber}` });
  });

  it("a declined card: the documented message, and the buyer goes back to the product page, which says it too", async () => {
    const { buyer, sessionId } = await buyNowReadyToPay(shop, { choice: { paymentMethodId: "visa-3434" } });
    browseAs(buyer.cartToken);

    const answer = await buyNowCompleteAction({ sessionId });

    const order = await shop.prisma.order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order.status).toBe("Failed");
    expect(answer).toEqual({
      ok: false,
      code: "PaymentFailed",
      error: "Your payment was not successful. Please try another payment method.",
      redirectTo: `/products/${MUG}?checkout=payment-failed`,
    });
  });
});
