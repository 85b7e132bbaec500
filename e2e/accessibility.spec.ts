import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addToCart, checkoutToReview, placeOrderAndConfirm } from "./support/checkout";
import { expect, test } from "./support/test";

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `${name} has accessibility violations`).toEqual([]);
}

// Two tests, each with its own time: axe's scans of five pages in one test outlasted the limit
// on a loaded machine.
test("the home and product pages have no axe violations", async ({ page }) => {
  await page.goto("/");
  await expectNoViolations(page, "home");
  await addToCart(page, "wool-camp-blanket");
  await expectNoViolations(page, "product");
});

test("the cart, review and confirmation pages have no axe violations", async ({ page }) => {
  test.slow(); // a checkout and three scans
  await addToCart(page, "wool-camp-blanket");
  await page.goto("/cart");
  await expect(
    page.getByTestId("amazon-pay-button").getByRole("button", { name: /Amazon Pay/ }),
  ).toBeVisible();
  await expectNoViolations(page, "cart");
  await checkoutToReview(page);
  await expectNoViolations(page, "review");
  await placeOrderAndConfirm(page);
  await expectNoViolations(page, "confirmation");
});
