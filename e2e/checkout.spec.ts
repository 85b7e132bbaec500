import { expect, test } from "./support/test";
import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";
import {
  addToCart,
  buyOnShop,
  checkoutToReview,
  orderBySession,
  placeOrderAndConfirm,
  emulator,
} from "./support/checkout";
import { e2eDb } from "./support/database";
import { shopUrl } from "./support/environment";

test.describe("redirect checkout with Amazon Pay", () => {
  test("happy path (AuthorizeWithCapture): review, place order, paid order with its charge ids", async ({
    page,
  }) => {
    await addToCart(page, "harbor-ceramic-mug", 2);
    const sessionId = await checkoutToReview(page);
    await expect(page.getByTestId("review-address")).toContainText("410 Terry Ave N");
    await expect(page.getByTestId("review-payment")).toContainText("Visa ****1111");
    await expect(page.getByTestId("summary-subtotal")).toHaveText("$37.00");
    await expect(page.getByTestId("summary-tax")).toHaveText("$2.41"); // WA 6.5 %
    await expect(page.getByTestId("summary-total")).toHaveText("$45.40");

    const orderNumber = await placeOrderAndConfirm(page);
    await expect(page.getByTestId("order-status")).toContainText("Your payment is complete.");
    await expect(page.getByTestId("order-total")).toHaveText("$45.40");
    await expect(page.getByTestId("cart-count")).toHaveText("0");

    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({
      orderNumber,
      status: "Paid",
      paymentIntent: "AuthorizeWithCapture",
      totalMinor: 4540,
      subtotalMinor: 3700,
      taxMinor: 241,
      shippingMinor: 599,
      capturedMinor: 4540,
      shipState: "WA",
    });
    expect(order.chargePermissionId).toMatch(/^S\d{2}-\d{7}-\d{7}$/);
    expect(order.chargeId).toMatch(new RegExp(`^${order.chargePermissionId}-C\\d{6}$`));
    expect(order.charges.map((c) => [c.id, c.state, c.capturedMinor])).toEqual([
      [order.chargeId, "Captured", 4540],
    ]);
    expect(order.lines.map((l) => [l.name, l.quantity, l.lineTotalMinor])).toEqual([
      ["Harbor Ceramic Mug", 2, 3700],
    ]);
  });

  test("Authorize intent: the order is authorized, to be captured later", async ({ page }) => {
    const { sessionId } = await buyOnShop(page, "Authorize", "visa-1111", "sailcloth-tote");
    await expect(page.getByTestId("order-status")).toContainText("Your payment is authorized");
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({ status: "Authorized", paymentIntent: "Authorize", capturedMinor: 0 });
    expect(order.charges.map((c) => c.state)).toEqual(["Authorized"]);
  });

  test("Confirm intent: a chargeable permission and no charge yet", async ({ page }) => {
    const { sessionId } = await buyOnShop(page, "Confirm", "visa-1111", "pine-needle-candle");
    await expect(page.getByTestId("order-status")).toContainText(
      "We charge your Amazon Pay account when it ships",
    );
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({
      status: "AwaitingCharge",
      paymentIntent: "Confirm",
      chargeId: null,
      chargePermissionState: "Chargeable",
    });
    expect(order.chargePermissionId).toBeTruthy();
    expect(order.charges).toEqual([]);
  });

  test("changing the address on the review page re-prices the order", async ({ page }) => {
    await addToCart(page, "copper-pour-over-kettle");
    const sessionId = await checkoutToReview(page);
    await expect(page.getByTestId("summary-tax")).toHaveText("$4.16"); // WA 6.5 % of $64
    await page.getByRole("button", { name: "Change shipping address" }).click();
    await page.waitForURL(/changeAddress/);
    await page.getByTestId("address-ava-work").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/checkout\/review/);
    await expect(page.getByTestId("review-address")).toContainText("Austin");
    await expect(page.getByTestId("summary-tax")).toHaveText("$4.00"); // TX 6.25 %
    await placeOrderAndConfirm(page);
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({
      status: "Paid",
      shipState: "TX",
      taxMinor: 400,
      totalMinor: 6400 + 599 + 400,
    });
  });

  test("a Change button pressed before Amazon's script has loaded opens Amazon's page once it has", async ({
    page,
  }) => {
    await addToCart(page, "tidepool-field-notebook");
    await checkoutToReview(page);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/checkout.js", async (route) => {
      await released;
      await route.continue();
    });
    await page.reload();
    await expect(page.locator("html[data-hydrated]")).toBeAttached();
    await page.getByRole("button", { name: "Change payment method" }).click();
    release();
    await page.waitForURL(/changePayment/);
  });

  for (const [payment, reason] of [
    ["visa-3434", "Declined"],
    ["mastercard-3064", "BuyerCanceled"],
  ] as const) {
    test(`${reason} (${payment}) ends on the cart with the payment message, cart kept`, async ({ page }) => {
      await addToCart(page, "lighthouse-enamel-pin", 3);
      const sessionId = await checkoutToReview(page, { payment });
      await page.getByRole("button", { name: "Place order" }).click();
      await page.waitForURL(/\/cart\?checkout=payment-failed/);
      await expect(page.getByTestId("checkout-notice")).toHaveText(PAYMENT_FAILED_MESSAGE);
      await expect(page.getByTestId("cart-count")).toHaveText("3");
      const order = await orderBySession(sessionId);
      expect(order).toMatchObject({ status: "Failed", failureReason: reason, chargeId: null });
      expect(order.charges).toEqual([]);
    });
  }

  test("pending authorization (0701) shows the pending confirmation", async ({ page }) => {
    const { sessionId } = await buyOnShop(page, "Authorize", "visa-0701");
    await expect(page.getByTestId("order-status")).toHaveAttribute(
      "data-status",
      /PaymentPending|Authorized/,
    );
    const order = await orderBySession(sessionId);
    expect(["PaymentPending", "Authorized"]).toContain(order.status);
    expect(order.chargeId).toBeTruthy();
  });

  test("reload and the back button on the result page keep one order and one charge", async ({ page }) => {
    await addToCart(page, "tidepool-field-notebook", 2);
    const sessionId = await checkoutToReview(page);
    const orderNumber = await placeOrderAndConfirm(page);
    const resultUrl = `/checkout/result?amazonCheckoutSessionId=${sessionId}`;
    await page.goto(resultUrl);
    await page.waitForURL(new RegExp(`/orders/${orderNumber}`));
    await page.goBack();
    await page.waitForURL(new RegExp(`/orders/${orderNumber}|/checkout/result`));
    await page.reload();
    await page.waitForURL(new RegExp(`/orders/${orderNumber}`));
    await expect(page.getByTestId("order-status")).toContainText("Your payment is complete.");
    expect(await e2eDb().order.count({ where: { checkoutSessionId: sessionId } })).toBe(1);
    const order = await orderBySession(sessionId);
    expect(order.charges).toHaveLength(1);
    expect(order.status).toBe("Paid");
    await expect(page.getByTestId("cart-count")).toHaveText("0");
  });

  test("an expired session sends the buyer back to the cart", async ({ page }) => {
    await addToCart(page, "sailcloth-tote");
    const sessionId = await checkoutToReview(page);
    // The emulator clock only moves forward; later tests create their own sessions after it.
    await emulator("/__emulator/clock", { advanceSeconds: 25 * 3600 });
    await page.reload();
    await page.waitForURL(/\/cart\?checkout=session-expired/);
    await expect(page.getByTestId("checkout-notice")).toContainText("expired");
    expect(await e2eDb().order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
  });

  test("someone else's checkout session is refused", async ({ page, browser }) => {
    await addToCart(page, "pine-needle-candle");
    const sessionId = await checkoutToReview(page);
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    await other.goto(`${shopUrl()}/products/sailcloth-tote`);
    await other.getByRole("button", { name: "Add to cart" }).click();
    await expect(other.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
    await expect(other.getByTestId("cart-count")).toHaveText("1");
    await other.goto(`${shopUrl()}/checkout/review?amazonCheckoutSessionId=${sessionId}`);
    await other.waitForURL(/\/cart\?checkout=session-foreign/);
    await other.goto(`${shopUrl()}/checkout/result?amazonCheckoutSessionId=${sessionId}`);
    await other.waitForURL(/\/cart\?checkout=session-unknown/);
    await stranger.close();
    // The owner can still finish.
    await placeOrderAndConfirm(page);
    expect((await orderBySession(sessionId)).status).toBe("Paid");
  });

  test("a tampered amount or a changed cart never changes what is charged", async ({ page }) => {
    await addToCart(page, "driftwood-serving-board");
    const sessionId = await checkoutToReview(page);
    // The browser cannot send an amount: extra fields are ignored.
    await page.evaluate(() => {
      const form = document.querySelector("form input[name=fingerprint]")!.closest("form")!;
      for (const [name, value] of [
        ["amount", "0.01"],
        ["chargeAmount", "0.01"],
        ["totalMinor", "1"],
      ] as const) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
    });
    // The cart changes in another tab after the review was shown.
    const other = await page.context().newPage();
    await other.goto("/products/driftwood-serving-board");
    await other.getByRole("button", { name: "Add to cart" }).click();
    await expect(other.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
    await expect(other.getByTestId("cart-count")).toHaveText("2");
    await other.close();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByTestId("place-order-status")).toContainText("Your cart changed");
    await expect(page.getByTestId("summary-subtotal")).toHaveText("$84.00");
    // A tampered fingerprint is refused too.
    await page
      .locator("input[name=fingerprint]")
      .evaluate((input: HTMLInputElement) => (input.value = "A".repeat(32)));
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page.getByTestId("place-order-status")).toContainText("Your cart changed");
    await page.reload();
    await placeOrderAndConfirm(page);
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({ status: "Paid", subtotalMinor: 8400, capturedMinor: order.totalMinor });
  });
});
