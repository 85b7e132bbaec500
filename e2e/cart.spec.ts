import type { Page } from "@playwright/test";
import { hashCartToken } from "@/lib/cart/token";
import { e2eDb } from "./support/database";
import { expect, test } from "./support/test";

async function cartCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === "cart");
}

test("browse, add to cart, change quantity and remove", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-grid").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: /Harbor Ceramic Mug/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Harbor Ceramic Mug" })).toBeVisible();
  expect(await cartCookie(page)).toBeUndefined();

  await page.getByLabel("Quantity").selectOption("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  const cookie = await cartCookie(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const cart = await e2eDb().cart.findUniqueOrThrow({
    where: { tokenHash: hashCartToken(cookie!.value) },
    include: { lines: true },
  });
  expect(cart.lines.map((line) => line.quantity)).toEqual([2]);

  await page.getByRole("link", { name: /^Cart/ }).click();
  const line = page.getByTestId("cart-line-harbor-ceramic-mug");
  await expect(line.getByTestId("line-total")).toHaveText("$37.00");
  await expect(page.getByTestId("summary-subtotal")).toHaveText("$37.00");
  await expect(page.getByTestId("summary-shipping")).toHaveText("$5.99");
  await expect(page.getByTestId("summary-tax")).toHaveText("$2.41"); // 6.5 % of $37.00 = 2.405
  await expect(page.getByTestId("summary-total")).toHaveText("$45.40");

  const quantity = line.getByLabel("Quantity of Harbor Ceramic Mug");
  await quantity.fill("3");
  await quantity.press("Enter");
  await expect(line.getByTestId("line-total")).toHaveText("$55.50");
  await expect(page.getByTestId("summary-total")).toHaveText("$65.10"); // 55.50 + 5.99 + 3.61
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await line.getByRole("button", { name: "Remove Harbor Ceramic Mug" }).click();
  await expect(page.getByTestId("cart-empty")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  expect(await e2eDb().cartLine.count({ where: { cartId: cart.id } })).toBe(0);
});

test("free standard shipping from $75 and several lines", async ({ page }) => {
  await page.goto("/products/wool-camp-blanket");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/products/lighthouse-enamel-pin");
  await page.getByLabel("Quantity").selectOption("3");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("4");
  await page.goto("/cart");
  await expect(
    page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Wool Camp Blanket" }) }),
  ).toBeVisible();
  await expect(page.getByTestId("summary-subtotal")).toHaveText("$152.97");
  await expect(page.getByTestId("summary-shipping")).toHaveText("Free");
});

test("the cart works from the keyboard alone", async ({ page }) => {
  await page.goto("/products/sailcloth-tote");
  await page.getByLabel("Quantity").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/cart");
  const quantity = page.getByLabel("Quantity of Sailcloth Tote");
  await quantity.focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Update quantity of Sailcloth Tote" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  await page.getByLabel("Quantity of Sailcloth Tote").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Remove Sailcloth Tote" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-empty")).toBeVisible();
});

test("quantities outside 1-99 get a clear message and change nothing", async ({ page }) => {
  await page.goto("/products/pine-needle-candle");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/cart");
  const quantity = page.getByLabel("Quantity of Pine Needle Candle");
  // Bypass the browser's own min/max checks to reach the server's validation.
  await quantity.evaluate((input: HTMLInputElement) => input.form?.setAttribute("novalidate", ""));
  for (const [value, message] of [
    ["100", "The quantity can be at most 99."],
    ["0", "The quantity must be at least 1."],
    ["1.5", "Enter a whole number."],
    ["-3", "The quantity must be at least 1."],
  ] as const) {
    await quantity.fill(value);
    await page.getByRole("button", { name: "Update quantity of Pine Needle Candle" }).click();
    await expect(page.getByTestId("cart-line-status-pine-needle-candle")).toHaveText(message);
  }
  await page.reload();
  await expect(page.getByLabel("Quantity of Pine Needle Candle")).toHaveValue("1");
});

test("adding beyond 99 of one item is refused with a message", async ({ page }) => {
  await page.goto("/products/harbor-ceramic-mug");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Quantity").selectOption("10");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("add-to-cart-status")).toHaveText(
      i < 9 ? "Added to cart." : /limit is 99 per item/,
    );
  }
  await expect(page.getByTestId("cart-count")).toHaveText("90");
});

test("unknown products show the not-found page", async ({ page }) => {
  const response = await page.goto("/products/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  expect((await page.goto("/products/%E2%9C%93"))?.status()).toBe(404);
});

test("every page says payments are simulated", async ({ page }) => {
  for (const path of ["/", "/products/sailcloth-tote", "/cart"]) {
    await page.goto(path);
    await expect(page.getByTestId("emulator-banner")).toContainText("Payments are simulated");
  }
});
