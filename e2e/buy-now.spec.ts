import type { Page } from "@playwright/test";
import { e2eDb } from "./support/database";
import { expect, test } from "./support/test";

test.describe("Buy Now (Finalize Checkout Session)", () => {
  test("pay in Amazon's Buy Now dialog: totals from the shop, delivery option, order recorded", async ({
    page,
  }) => {
    await page.goto("/products/fog-line-rain-shell");
    await page.getByLabel("Quantity").selectOption("2");
    await page
      .getByTestId("buy-now-button")
      .getByRole("button", { name: /Amazon Pay/ })
      .click();
    const dialog = page.getByTestId("amazon-pay-buy-now");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("apsbx-address-ava-home").check();
    await dialog.getByTestId("apsbx-payment-visa-1111").check();
    const summary = dialog.getByTestId("amazon-pay-summary");
    await expect(summary).toContainText("$298.00"); // 2 × $149.00
    await expect(summary).toContainText("$19.37"); // WA 6.5 %
    await dialog.getByTestId("apsbx-delivery-express").check();
    await expect(summary).toContainText("$14.99");
    await expect(dialog.getByTestId("amazon-pay-pay-now")).toBeEnabled();
    await dialog.getByTestId("amazon-pay-pay-now").click();
    await page.waitForURL(/\/orders\/HP-/);
    await expect(page.getByTestId("order-status")).toContainText("Your payment is complete.");
    const orderNumber = (await page.getByTestId("order-number").textContent())!;
    const order = await e2eDb().order.findUniqueOrThrow({
      where: { orderNumber },
      include: { lines: true, charges: true },
    });
    expect(order).toMatchObject({
      flow: "buy-now",
      status: "Paid",
      subtotalMinor: 29800,
      shippingMinor: 1499,
      taxMinor: 1937,
      totalMinor: 29800 + 1499 + 1937,
      shippingMethod: "express",
      shipState: "WA",
    });
    expect(order.lines.map((l) => [l.name, l.quantity])).toEqual([["Fog Line Rain Shell", 2]]);
    expect(order.charges.map((c) => c.state)).toEqual(["Captured"]);
    // Buy Now leaves the cart alone.
    await expect(page.getByTestId("cart-count")).toHaveText("0");
  });

  test("an address the shop cannot ship to is refused until another is chosen", async ({ page }) => {
    await page.goto("/products/sailcloth-tote");
    await page
      .getByTestId("buy-now-button")
      .getByRole("button", { name: /Amazon Pay/ })
      .click();
    const dialog = page.getByTestId("amazon-pay-buy-now");
    await dialog.getByTestId("apsbx-buyer-1").check(); // Ben Carter
    await dialog.getByTestId("apsbx-address-ben-london").check();
    await expect(dialog.getByTestId("amazon-pay-error")).toContainText(
      "We only ship to addresses in the United States.",
    );
    await expect(dialog.getByTestId("amazon-pay-pay-now")).toBeDisabled();
    await dialog.getByTestId("apsbx-address-ben-home").check();
    await expect(dialog.getByTestId("amazon-pay-error")).toBeHidden();
    await expect(dialog.getByTestId("amazon-pay-summary")).toContainText("$1.44"); // NY 4 % of $36.00
    await dialog.getByTestId("apsbx-payment-visa-1111").check();
    await dialog.getByTestId("amazon-pay-pay-now").click();
    await page.waitForURL(/\/orders\/HP-/);
    const orderNumber = (await page.getByTestId("order-number").textContent())!;
    const order = await e2eDb().order.findUniqueOrThrow({ where: { orderNumber } });
    expect(order).toMatchObject({
      flow: "buy-now",
      status: "Paid",
      shipState: "NY",
      shipCountry: "US",
      taxMinor: 144,
    });
  });

  test("a declined payment returns the buyer to the product page, which says so; they can start again", async ({
    page,
  }) => {
    await page.goto("/products/harbor-ceramic-mug");
    const buyNow = page.getByTestId("buy-now-button").getByRole("button", { name: /Amazon Pay/ });
    await buyNow.click();
    const dialog = page.getByTestId("amazon-pay-buy-now");
    await dialog.getByTestId("apsbx-address-ava-home").check();
    await dialog.getByTestId("apsbx-payment-visa-3434").check(); // declined
    await expect(dialog.getByTestId("amazon-pay-summary")).toBeVisible();
    await dialog.getByTestId("amazon-pay-pay-now").click();
    await page.waitForURL(/\/products\/harbor-ceramic-mug\?checkout=payment-failed$/);
    await expect(page.getByTestId("checkout-notice")).toHaveText(
      "Your payment was not successful. Please try another payment method.",
    );
    await expect(page.getByTestId("cart-count")).toHaveText("0");
    // Starting again opens a new checkout, where another payment method can be chosen.
    await buyNow.click();
    await expect(dialog.getByTestId("apsbx-payment-visa-1111")).toBeVisible();
    await dialog.getByTestId("amazon-pay-cancel").click();
    await expect(page.getByText("Buy Now was canceled. Nothing was charged.")).toBeVisible();
  });

  test("canceling the dialog charges nothing", async ({ page }) => {
    await page.goto("/products/harbor-ceramic-mug");
    await page
      .getByTestId("buy-now-button")
      .getByRole("button", { name: /Amazon Pay/ })
      .click();
    const dialog = page.getByTestId("amazon-pay-buy-now");
    await expect(dialog.getByTestId("amazon-pay-summary")).toBeVisible();
    // The dialog tells Amazon which session it cancels: that session must leave no order.
    const canceling = page.waitForRequest((request) =>
      /\/checkout\/buy-now\/sessions\/[^/]+\/cancel$/.test(request.url()),
    );
    await dialog.getByTestId("amazon-pay-cancel").click();
    const sessionId = decodeURIComponent(/sessions\/([^/]+)\/cancel$/.exec((await canceling).url())![1]!);
    await expect(page.getByText("Buy Now was canceled. Nothing was charged.")).toBeVisible();
    // Other specs place orders meanwhile: only this session's would say otherwise.
    expect(await e2eDb().order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
  });
});

test("the product page's express button adds the item and starts checkout", async ({ page }) => {
  await page.goto("/products/pine-needle-candle");
  await page.getByLabel("Quantity").selectOption("2");
  await page
    .getByTestId("amazon-pay-button")
    .getByRole("button", { name: /Amazon Pay/ })
    .click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/checkout\?amazonCheckoutSessionId=/);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/checkout\/review/);
  await expect(page.getByTestId("summary-subtotal")).toHaveText("$48.00");
});

test.describe("the product page's Amazon Pay buttons come without blocking the page", () => {
  const buttons = (page: Page) => [
    page.getByTestId("amazon-pay-button").getByRole("button", { name: /Amazon Pay/ }),
    page.getByTestId("buy-now-button").getByRole("button", { name: /Amazon Pay/ }),
  ];

  test("a buyer who does nothing gets both buttons, from one copy of Amazon's script", async ({ page }) => {
    await page.goto("/products/harbor-ceramic-mug");
    for (const button of buttons(page)) await expect(button).toHaveCount(1);
    await expect(page.locator('script[src*="checkout.js"]')).toHaveCount(1);
  });

  test("while the browser is never idle, the buyer's first key press brings them", async ({
    freshPage: page,
  }) => {
    await page.addInitScript(() => {
      // A page that stays busy: idle callbacks never come.
      window.requestIdleCallback = () => 0;
    });
    await page.goto("/products/harbor-ceramic-mug");
    await expect(page.locator("html[data-hydrated]")).toBeAttached();
    await page.waitForTimeout(500);
    await expect(page.locator('script[src*="checkout.js"]')).toHaveCount(0);
    await page.keyboard.press("Tab");
    for (const button of buttons(page)) await expect(button).toBeVisible();
  });
});
