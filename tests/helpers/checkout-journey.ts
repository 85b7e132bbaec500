// The steps of a redirect checkout up to the one a test is about, each through the shop's own
// code: a cart, the Amazon Pay button and hosted page, the review page, Place order, and
// Amazon's processing of the payment. Test files that use reviewedCheckout() replace
// `next/headers` with tests/helpers/next-request.ts (the review page reads the cart cookie).
import { addToCart, createCart } from "@/lib/cart/repository";
import { completeCheckout } from "@/lib/checkout/complete";
import { placeOrder } from "@/lib/checkout/place-order";
import { loadReview, type ReviewView } from "@/lib/checkout/review";
import type { Order, PrismaClient } from "@/lib/prisma/types";
import { checkOutAtAmazon, followAmazonPayRedirect, type AmazonChoice } from "./amazon-buyer";
import { browseAs } from "./next-request";
import type { ShopHarness } from "./shop-harness";

export interface Item {
  slug: string;
  quantity: number;
}

export interface TestBuyer {
  cartId: string;
  /** The value of the buyer's cart cookie. */
  cartToken: string;
}

/** Two Harbor ceramic mugs: what most tests buy. */
export const TWO_MUGS: Item[] = [{ slug: "harbor-ceramic-mug", quantity: 2 }];

/** A browser whose cart holds these items. */
export async function buyerWithCart(prisma: PrismaClient, items: Item[] = TWO_MUGS): Promise<TestBuyer> {
  const { cartId, token } = await createCart(prisma);
  for (const item of items) await addToCart(prisma, cartId, item.slug, item.quantity);
  return { cartId, cartToken: token };
}

export interface ReviewedCheckout {
  buyer: TestBuyer;
  sessionId: string;
  review: ReviewView;
}

/** Cart → Amazon Pay button → Amazon's hosted page → the review page, as this buyer. */
export async function reviewedCheckout(
  harness: ShopHarness,
  options: { items?: Item[]; choice?: AmazonChoice } = {},
): Promise<ReviewedCheckout> {
  const buyer = await buyerWithCart(harness.prisma, options.items);
  const { sessionId, reviewUrl } = await checkOutAtAmazon(harness.emulator, options.choice);
  browseAs(buyer.cartToken);
  const review = await loadReview(new URL(reviewUrl).searchParams.get("amazonCheckoutSessionId"));
  if (!review.ok) throw new Error(`the review page refused the checkout: ${review.notice}`);
  return { buyer, sessionId, review: review.view };
}

export interface PaidCheckout extends ReviewedCheckout {
  /** The Draft order as Place order froze it. */
  order: Order;
  /** Where Amazon sent the buyer after processing the payment: the shop's result page. */
  resultUrl: string;
}

/** …→ Place order → Amazon processes the payment; the buyer is on the way back to the result page. */
export async function paidAtAmazon(
  harness: ShopHarness,
  options: { items?: Item[]; choice?: AmazonChoice } = {},
): Promise<PaidCheckout> {
  const reviewed = await reviewedCheckout(harness, options);
  const placed = await placeOrder({
    sessionId: reviewed.sessionId,
    cartId: reviewed.buyer.cartId,
    fingerprint: reviewed.review.fingerprint,
  });
  if (!placed.ok) throw new Error(`Place order failed: ${placed.error}`);
  const resultUrl = await followAmazonPayRedirect(placed.redirectUrl);
  const order = await harness.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: reviewed.sessionId },
  });
  return { ...reviewed, order, resultUrl };
}

/** A paid checkout as the buyer's return records it: the charge inferred from Complete's 200. */
export async function inferredCapture(harness: ShopHarness) {
  const { buyer, sessionId } = await paidAtAmazon(harness);
  await completeCheckout(sessionId, buyer.cartId, "return");
  const order = await harness.prisma.order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
  return { order, charge: order.charges[0]! };
}
