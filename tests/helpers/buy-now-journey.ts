// Checkouts that end in Finalize, up to the buyer's "Pay now": Buy Now through the shop's own
// handlers (the dialog opens on Amazon's side, onInitCheckout binds and prices it, the dialog
// shows that cart), and a mobile app's session (Amazon's SDK, played by the same dialog, showing
// the amounts the shop quoted to the app). What follows (Finalize) is the test's.
import { priceFromMoney } from "@storefront/amazon-pay/schemas/price";
import { startBuyNow, type CartDetailsAnswer } from "@/lib/checkout/buy-now";
import { priceItems } from "@/lib/checkout/finalize";
import { addedTax } from "@/lib/pricing/quote";
import { openBuyNowDialog, payNowInDialog, showCartInDialog, type AmazonChoice } from "./amazon-buyer";
import { buyerWithCart, type Item, type TestBuyer } from "./checkout-journey";
import type { ShopHarness } from "./shop-harness";

export interface BuyNowReady {
  buyer: TestBuyer;
  sessionId: string;
  cartDetails: CartDetailsAnswer;
}

export async function buyNowReadyToPay(
  harness: ShopHarness,
  options: { item?: Item; choice?: AmazonChoice } = {},
): Promise<BuyNowReady> {
  const item = options.item ?? { slug: "harbor-ceramic-mug", quantity: 2 };
  const buyer = await buyerWithCart(harness.prisma, []);
  const { sessionId, shippingAddress } = await openBuyNowDialog(harness.emulator, options.choice);
  const answer = await startBuyNow({ sessionId, cartId: buyer.cartId, ...item, address: shippingAddress });
  if (!answer.ok) throw new Error(`onInitCheckout refused: ${answer.message}`);
  await showCartInDialog(harness.emulator, sessionId, answer.cartDetails);
  await payNowInDialog(harness.emulator, sessionId);
  return { buyer, sessionId, cartDetails: answer.cartDetails };
}

/** A mobile app's Checkout Session for these items, shipped standard to the buyer's address. */
export async function mobileSessionReadyToPay(
  harness: ShopHarness,
  items: Item[],
  choice: AmazonChoice = {},
): Promise<{ sessionId: string; totalMinor: number }> {
  const { sessionId, shippingAddress } = await openBuyNowDialog(harness.emulator, choice);
  const products = await harness.prisma.product.findMany({
    where: { slug: { in: items.map((i) => i.slug) } },
  });
  const priced = await priceItems(
    items.map((item) => ({
      productId: products.find((p) => p.slug === item.slug)!.id,
      quantity: item.quantity,
    })),
    "standard",
    shippingAddress,
  );
  if (!priced) throw new Error("the items are not for sale");
  const { quote } = priced;
  const shipping = priceFromMoney(quote.shipping);
  await showCartInDialog(harness.emulator, sessionId, {
    totalBaseAmount: priceFromMoney(quote.subtotal),
    totalShippingAmount: shipping,
    totalTaxAmount: priceFromMoney(addedTax(quote)),
    totalChargeAmount: priceFromMoney(quote.total),
    totalDiscountAmount: priceFromMoney({ amount: 0, currency: quote.currency }),
    totalOrderAmount: priceFromMoney(quote.total),
    deliveryOptions: [
      {
        id: "standard",
        price: shipping,
        shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "standard" },
        isDefault: true,
        shippingEstimate: [{ timeUnit: "DAY", value: 7 }],
      },
    ],
  });
  await payNowInDialog(harness.emulator, sessionId);
  return { sessionId, totalMinor: quote.total.amount };
}
