// A Buy Now checkout up to "Pay now", through the shop's own handlers: the dialog opens on
// Amazon's side, onInitCheckout (startBuyNow) binds and prices it, the dialog shows that cart,
// and the buyer presses Pay now. What follows (onCompleteCheckout → Finalize) is the test's.
import { startBuyNow, type CartDetailsAnswer } from "@/lib/checkout/buy-now";
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
