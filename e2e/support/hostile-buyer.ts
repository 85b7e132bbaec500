// What the hostile-input specs share: the shop they attack, the action modules they call and a
// buyer who already holds a cart.
import { expect, type APIRequestContext } from "@playwright/test";
import { actionId, callFormAction, type ActionAnswer } from "./actions";
import { shopUrl } from "./environment";

export const SHOP = shopUrl();
export const CART = "lib/cart/action.ts";
export const CHECKOUT = "lib/checkout/action.ts";
export const BUY_NOW = "lib/checkout/buy-now-action.ts";

/** A buyer whose browser holds a cart with one mug (so actions get past "your cart is empty"). */
export async function buyerWithCart(
  newContext: () => Promise<APIRequestContext>,
): Promise<APIRequestContext> {
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

/** The action answered normally, with a form error the buyer can read. */
export function expectFormError(answer: ActionAnswer, context: unknown) {
  expect(answer.status, JSON.stringify(context)).toBe(200);
  expect(answer.result, JSON.stringify(context)).toMatchObject({
    ok: false,
    error: expect.stringMatching(/\S/),
  });
}
