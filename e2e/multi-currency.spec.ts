// Amazon Pay multi-currency on the euro shop (AMAZON_PAY_REGION=eu, SHOP_CURRENCY=EUR) with the
// merchant's rate table: a buyer chooses to pay in Swiss francs, pays, and the merchant refunds
// part of it in Swiss francs. The catalog stays in euros for everybody (it is served from the
// page cache), the browser only chooses among the offered currencies, and the US shop offers none.
import path from "node:path";
import type { Page } from "@playwright/test";
import { merchantAction, openAdminOrder, signInAsMerchant } from "./support/admin";
import { eventually, orderBySession } from "./support/checkout";
import { E2E_DATA_DIR, EMULATOR_URL, SHOPS, shopUrl } from "./support/environment";
import { startShop, type ShopProcess } from "./support/shop-process";
import { expect, test } from "./support/test";

const PORT = SHOPS.AuthorizeWithCapture.port + 13;
const BASE = `http://127.0.0.1:${PORT}`;
const RATES_FILE = path.resolve("e2e/support/exchange-rates.json");
const SLUG = "harbor-ceramic-mug";

const normalized = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").trim();
const textOf = async (page: Page, testId: string) => normalized(await page.getByTestId(testId).innerText());
/** A franc amount however the market writes it ("CHF 33.70", "33,70 CHF"), as "33.70"; null when not francs. */
const francs = (text: string) => {
  const match = /^(?:CHF\s?([\d.,]+)|([\d.,]+)\s?CHF)$/.exec(text);
  const digits = match?.[1] ?? match?.[2];
  return digits ? digits.replace(/[.,](?=\d{3}\b)/g, "").replace(",", ".") : null;
};

async function addTwoMugs(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/products/${SLUG}`);
  await page.getByLabel("Quantity").selectOption("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
}

/** On Amazon's hosted page: the first test buyer with an address the shop delivers to, a Visa that approves. */
async function payOnAmazon(page: Page): Promise<void> {
  const buyers = page.locator('input[name="buyerId"]');
  const deliverable = page.locator(
    'fieldset.addresses:not([hidden]) input[name="addressId"]:not([disabled])',
  );
  for (let i = 0; i < (await buyers.count()); i++) {
    await buyers.nth(i).check();
    if ((await deliverable.count()) > 0) break;
  }
  await deliverable.first().check();
  await page.getByTestId("payment-visa-1111").check();
  await page.getByTestId("continue").click();
}

test.describe("the euro shop with a rate table", () => {
  test.describe.configure({ mode: "serial" });
  let shop: ShopProcess | undefined;
  test.beforeAll(async () => {
    shop = await startShop({
      port: PORT,
      quiet: true,
      env: {
        AMAZON_PAY_REGION: "eu",
        SHOP_CURRENCY: "EUR",
        EXCHANGE_RATES_FILE: RATES_FILE,
        // Its own merchant key, registered in the EU region: the US shops keep theirs in theirs.
        DATA_DIR: path.join(E2E_DATA_DIR, "euro-shop-with-rates"),
      },
    });
  });
  test.afterAll(async () => {
    await shop?.stop();
  });

  test("a buyer pays in CHF, and the merchant refunds part of it in CHF", async ({ page }) => {
    await addTwoMugs(page, BASE);
    await page.goto(`${BASE}/cart`);
    expect(await textOf(page, "summary-subtotal")).toBe("35,80 €");
    await page.getByLabel("Pay in").selectOption("CHF");
    await page.getByRole("button", { name: "Update currency" }).click();
    // 17,90 € at 0.9412 is 16,85 CHF a mug.
    await expect.poll(async () => francs(await textOf(page, "summary-subtotal"))).toBe("33.70");
    expect(await textOf(page, "conversion-note")).toContain("converted at 1 EUR = 0.9412 CHF");

    // The product page is the cached one every buyer gets: still in euros.
    await page.goto(`${BASE}/products/${SLUG}`);
    const productPage = normalized(await page.locator("main").innerText());
    expect(productPage).toContain("17,90 €");
    expect(productPage).not.toContain("CHF");

    await page.goto(`${BASE}/cart`);
    await page.getByTestId("amazon-pay-button").getByRole("button").click();
    await page.waitForURL(`${EMULATOR_URL}/**`);
    await payOnAmazon(page);
    await page.waitForURL(/\/checkout\/review\?amazonCheckoutSessionId=/);
    const sessionId = new URL(page.url()).searchParams.get("amazonCheckoutSessionId")!;
    expect(francs(await textOf(page, "summary-subtotal"))).toBe("33.70");
    expect(await textOf(page, "conversion-note")).toContain("Charged in CHF");

    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\/HP-/);
    const orderNumber = (await page.getByTestId("order-number").textContent())!;
    expect(await textOf(page, "order-currency")).toMatch(/^Paid in CHF \(our prices are in EUR: .+ €/);
    expect(francs(await textOf(page, "order-total"))).toMatch(/^\d+\.\d\d$/);

    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({
      status: "Paid",
      currency: "CHF",
      ledgerCurrency: "EUR",
      exchangeRate: "0.9412",
    });
    expect(order.lines.map((line) => line.unitPriceMinor)).toEqual([1685]);
    expect(order.charges.map((charge) => [charge.currency, charge.amountMinor])).toEqual([
      ["CHF", order.totalMinor],
    ]);

    await signInAsMerchant(page, BASE);
    await openAdminOrder(page, BASE, orderNumber);
    expect(await textOf(page, "admin-charged-currency")).toMatch(/^CHF \(ledger .+ € at 0\.9412\)$/);
    expect(await merchantAction(page, "refund-form", { "Amount to refund in CHF": "5.00" })).toMatch(
      /Refund of (CHF\s?5\.00|5,00\sCHF) requested/,
    );
    const refunded = await eventually(
      () => orderBySession(sessionId),
      (o) => o.status === "PartiallyRefunded",
    );
    expect(refunded.refunds.map((r) => [r.state, r.currency, r.amountMinor])).toEqual([
      ["Refunded", "CHF", 500],
    ]);
    await page.reload();
    expect(francs(await textOf(page, "admin-refunded"))).toBe("5.00");
  });

  test("a currency the shop does not offer is refused with a clear message", async ({ page }) => {
    await addTwoMugs(page, BASE);
    await page.goto(`${BASE}/cart`);
    // A browser may send anything: here SEK, which the merchant's rate table does not price.
    await page.getByLabel("Pay in").evaluate((select: HTMLSelectElement) => {
      select.append(new Option("SEK", "SEK", true, true));
    });
    await page.getByRole("button", { name: "Update currency" }).click();
    await page.waitForURL(/\/cart\?currency-refused=SEK$/);
    await expect(page.getByTestId("currency-notice")).toHaveText(
      "Paying in SEK is not offered. Choose one of EUR, CHF, USD.",
    );
    expect(await textOf(page, "summary-subtotal")).toBe("35,80 €");
  });
});

test("the US shop offers no other currency and ignores a currency cookie", async ({ page, context }) => {
  await context.addCookies([{ name: "currency", value: "CHF", url: shopUrl() }]);
  await addTwoMugs(page, shopUrl());
  await page.goto(`${shopUrl()}/cart`);
  await expect(page.getByTestId("summary-total")).toContainText("$");
  await expect(page.getByTestId("currency-choice-form")).toHaveCount(0);
  await expect(page.getByTestId("conversion-note")).toHaveCount(0);
  expect(await page.locator("main").innerText()).not.toContain("CHF");
});
