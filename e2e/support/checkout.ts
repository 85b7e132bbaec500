// Buyer steps through the storefront and the local Amazon Pay emulator's hosted pages.
import { expect, type Page } from "@playwright/test";
import { e2eDb } from "./database";
import { EMULATOR_URL, shopUrl, type ShopIntent } from "./environment";
import { HttpBuyer } from "./http-buyer";

export interface AmazonChoice {
  buyer?: string; // test id suffix, e.g. "ava-johnson"
  address?: string; // e.g. "ava-home"
  payment?: string; // e.g. "visa-1111"
}

/** Adds a product on its page (the cart cookie is created here). */
export async function addToCart(page: Page, slug = "harbor-ceramic-mug", quantity = 1): Promise<void> {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  const count = Number(await page.getByTestId("cart-count").textContent());
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText(String(count + quantity));
}

/** On /cart: presses the Amazon Pay button and lands on the emulator's hosted page. */
export async function pressAmazonPay(page: Page): Promise<void> {
  await page.goto("/cart");
  await page
    .getByTestId("amazon-pay-button")
    .getByRole("button", { name: /Amazon Pay/ })
    .click();
  await page.waitForURL(`${EMULATOR_URL}/**`);
}

/** On Amazon's hosted page: chooses buyer, address and payment method, then Continue. */
export async function chooseOnAmazon(page: Page, choice: AmazonChoice = {}): Promise<void> {
  await page.getByTestId(`buyer-${choice.buyer ?? "ava-johnson"}`).check();
  if (choice.address !== null) await page.getByTestId(`address-${choice.address ?? "ava-home"}`).check();
  await page.getByTestId(`payment-${choice.payment ?? "visa-1111"}`).check();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** From the cart to the review page through Amazon. Returns the checkout session id. */
export async function checkoutToReview(page: Page, choice: AmazonChoice = {}): Promise<string> {
  await pressAmazonPay(page);
  await chooseOnAmazon(page, choice);
  await page.waitForURL(/\/checkout\/review\?amazonCheckoutSessionId=/);
  await expect(page.getByRole("heading", { name: "Review your order" })).toBeVisible();
  return new URL(page.url()).searchParams.get("amazonCheckoutSessionId")!;
}

/** Presses "Place order" and waits for the confirmation page. Returns the order number. */
export async function placeOrderAndConfirm(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/orders\/HP-/);
  return (await page.getByTestId("order-number").textContent())!;
}

export async function orderBySession(sessionId: string) {
  return e2eDb().order.findUniqueOrThrow({
    where: { checkoutSessionId: sessionId },
    include: { charges: true, refunds: true, lines: true },
  });
}

export async function emulator(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${EMULATOR_URL}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Waits until the database row satisfies the predicate (IPNs and the reconciler are asynchronous). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value, null, 1).slice(0, 2000)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/** A complete redirect checkout on the shop of the given payment intent. */
export async function buyOnShop(
  page: Page,
  intent: ShopIntent,
  payment = "visa-1111",
  slug = "wool-camp-blanket",
  quantity = 1,
) {
  const base = shopUrl(intent);
  await page.goto(`${base}/products/${slug}`);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await page.goto(`${base}/cart`);
  await page
    .getByTestId("amazon-pay-button")
    .getByRole("button", { name: /Amazon Pay/ })
    .click();
  await chooseOnAmazon(page, { payment });
  await page.waitForURL(/\/checkout\/review/);
  const sessionId = new URL(page.url()).searchParams.get("amazonCheckoutSessionId")!;
  const orderNumber = await placeOrderAndConfirm(page);
  return { base, sessionId, orderNumber };
}

/**
 * The same purchase as buyOnShop, without a browser: for tests whose subject comes after the
 * checkout (IPNs, merchant actions). The HTTP buyer takes the no-JavaScript path, then hands its
 * cookies to the page's browser, which is from then on the buyer (its order page is its own). The
 * page is not navigated. The browser checkout itself is the subject of checkout.spec.ts.
 */
export async function buyOverHttp(
  page: Page,
  intent: ShopIntent,
  payment = "visa-1111",
  slug = "wool-camp-blanket",
  quantity = 1,
) {
  const base = shopUrl(intent);
  const buyer = new HttpBuyer(base);
  await buyer.addToCart(slug, quantity);
  const sessionId = await buyer.checkoutAtAmazon({ paymentMethodId: payment });
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  const orderPath = await buyer.complete(sessionId);
  const orderNumber = /\/orders\/(HP-[A-Z0-9]+)/.exec(orderPath)?.[1];
  if (!orderNumber) throw new Error(`the completion sent the buyer to ${orderPath}, not to an order`);
  await page
    .context()
    .addCookies(buyer.cookies(new URL(base)).map(([name, value]) => ({ name, value, url: base })));
  return { base, sessionId, orderNumber, orderPath: `/orders/${orderNumber}` };
}

const PAUSE_HOLDER = "paused-by-e2e-test";

/** Holds the reconciler lease so no server reconciles until resumeReconcilers(). */
export async function pauseReconcilers(): Promise<void> {
  const expiresAt = new Date(Date.now() + 10 * 60_000);
  await e2eDb().lease.upsert({
    where: { name: "reconciler" },
    create: { name: "reconciler", holder: PAUSE_HOLDER, expiresAt },
    update: { holder: PAUSE_HOLDER, expiresAt },
  });
}

export async function resumeReconcilers(): Promise<void> {
  await e2eDb().lease.deleteMany({ where: { name: "reconciler", holder: PAUSE_HOLDER } });
}
