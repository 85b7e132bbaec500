// The shop in the euro, pound and yen markets (one production build, started with another
// AMAZON_PAY_REGION and SHOP_CURRENCY): a local buyer pays end to end through the emulator, and
// the cart, the review page and the confirmation speak only the market's currency and show the
// buyer's address as their country writes it. The browser cannot choose the currency or price.
import type { APIRequestContext, Page } from "@playwright/test";
import { actionId, callAction, callFormAction } from "./support/actions";
import { orderBySession } from "./support/checkout";
import { EMULATOR_URL } from "./support/environment";
import { BUY_NOW, CART } from "./support/hostile-buyer";
import { MARKET_SHOPS, startMarketShop, type MarketCurrency } from "./support/market-shops";
import type { ShopProcess } from "./support/shop-process";
import { expect, test } from "./support/test";

interface Journey {
  currency: MarketCurrency;
  /** The emulator's local test buyer and the address chosen on Amazon's page. */
  buyer: string;
  address: string;
  /** Two Harbor Ceramic Mugs at the catalog's price in this currency. */
  subtotal: string;
  /** How the market writes amounts. */
  locale: string;
  /** Where the footer says the market delivers. */
  deliveryArea: string;
  /** How the market says its prices include tax. */
  taxNote: RegExp;
  /** The address as the review page and the confirmation show it. */
  addressLines: string[];
}

const JOURNEYS: Journey[] = [
  {
    currency: "EUR",
    buyer: "lena-schmidt",
    address: "de-hamburg-line2",
    locale: "de-DE",
    subtotal: "35,80 €",
    deliveryArea: "Germany, Austria, France",
    taxNote: /incl\. VAT/,
    // Amazon leaves the first line empty and puts the street in the second.
    addressLines: ["Lena Schmidt", "Große Elbstraße 145", "22767 Hamburg", "DE"],
  },
  {
    currency: "GBP",
    buyer: "oliver-hughes",
    address: "uk-london",
    locale: "en-GB",
    subtotal: "£31.00",
    deliveryArea: "the United Kingdom.",
    taxNote: /incl\. VAT/,
    addressLines: ["Oliver Hughes", "Flat 3", "20 Deans Yard", "London", "SW1A 1AA", "GB"],
  },
  {
    currency: "JPY",
    buyer: "jp",
    address: "jp-tokyo",
    locale: "ja-JP",
    subtotal: "￥5,960",
    deliveryArea: "Japan.",
    taxNote: /incl\. consumption tax/,
    // No city: the prefecture, then the lines.
    addressLines: ["山田 花子", "〒150-0002", "東京都", "渋谷区渋谷2-21-1", "渋谷ヒカリエ 11階", "JP"],
  },
];

const SLUG = "harbor-ceramic-mug";
const normalized = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").trim();

/** The text a buyer reads in the page's main content, with no-break spaces as spaces. */
const mainText = async (page: Page) => normalized(await page.locator("main").innerText());
const addressLines = async (page: Page, testId: string) =>
  normalized(await page.getByTestId(testId).innerText())
    .split("\n")
    .map((line) => line.trim());

/** Only the market's currency: no dollar sign, and yen amounts without decimals. */
function expectOnlyCurrency(text: string, journey: Journey, where: string) {
  expect(text, where).not.toContain("$");
  if (journey.currency === "JPY") {
    expect(text, where).toMatch(/[¥￥][\d,]+/);
    expect(text, where).not.toMatch(/[¥￥][\d,]*\.\d/);
    expect(text, where).not.toMatch(/[€£]/);
  } else {
    expect(text, where).toContain(journey.currency === "EUR" ? "€" : "£");
    expect(text, where).not.toMatch(journey.currency === "EUR" ? /[£¥￥]/ : /[€¥￥]/);
  }
  expect(text, where).toMatch(journey.taxNote);
}

/** The buyer's whole journey: product page, cart, Amazon's page, review, confirmation. */
async function payAsLocalBuyer(page: Page, base: string, journey: Journey) {
  await page.goto(`${base}/products/${SLUG}`);
  await page.getByLabel("Quantity").selectOption("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");

  await page.goto(`${base}/cart`);
  await expect(page.getByTestId("summary-subtotal")).toHaveText(journey.subtotal, { useInnerText: true });
  expectOnlyCurrency(await mainText(page), journey, "cart");
  await expect(page.locator("footer")).toContainText(
    `We ship to street addresses in ${journey.deliveryArea}`,
  );

  await page.getByTestId("amazon-pay-button").getByRole("button").click();
  await page.waitForURL(`${EMULATOR_URL}/**`);
  await page.getByTestId(`buyer-${journey.buyer}`).check();
  await page.getByTestId(`address-${journey.address}`).check();
  await page.getByTestId("payment-visa-1111").check();
  await page.getByTestId("continue").click();

  await page.waitForURL(/\/checkout\/review\?amazonCheckoutSessionId=/);
  const sessionId = new URL(page.url()).searchParams.get("amazonCheckoutSessionId")!;
  await expect(page.getByTestId("shipping-problem")).toHaveCount(0);
  expect(await addressLines(page, "review-address")).toEqual(journey.addressLines);
  await expect(page.getByTestId("summary-subtotal")).toHaveText(journey.subtotal, { useInnerText: true });
  expectOnlyCurrency(await mainText(page), journey, "review");

  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/orders\/HP-/);
  await expect(page.getByTestId("order-status")).toBeVisible();
  expect(await addressLines(page, "order-address")).toEqual(journey.addressLines);
  expectOnlyCurrency(await mainText(page), journey, "confirmation");

  const order = await orderBySession(sessionId);
  expect(order).toMatchObject({ currency: journey.currency, status: "Paid" });
  const written = new Intl.NumberFormat(journey.locale, { style: "currency", currency: journey.currency });
  const units = journey.currency === "JPY" ? order.totalMinor : order.totalMinor / 100;
  expect(normalized(await page.getByTestId("order-total").innerText())).toBe(
    normalized(written.format(units)),
  );
}

/** A cart and a Buy Now quote asked for with a lower price and another currency: the catalog's euros. */
async function tamperInEuros(buyer: APIRequestContext, base: string) {
  const tampering = {
    price: "0.01",
    priceMinor: "1",
    unitPriceMinor: "1",
    amount: "0.01",
    totalMinor: "1",
    currency: "USD",
    currencyCode: "JPY",
  };
  const added = await callFormAction(
    buyer,
    base,
    `/products/${SLUG}`,
    actionId(CART, "addToCartAction"),
    { ...tampering, slug: SLUG, quantity: "2" },
    { withState: true },
  );
  expect(added.result).toMatchObject({ ok: true, data: { quantity: 2 } });
  // What the buyer reads: the page's main content without its markup.
  const html = await (await buyer.get(`${base}/cart`)).text();
  const cart = normalized(/<main[\s\S]*?<\/main>/.exec(html)?.[0].replace(/<[^>]*>/g, " ") ?? "");
  expect(cart).toContain("35,80 €"); // 2 × 17,90 € from the catalog
  expect(cart).not.toContain("$");

  const quote = await callAction(buyer, base, `/products/${SLUG}`, actionId(BUY_NOW, "buyNowInitAction"), [
    {
      ...tampering,
      sessionId: crypto.randomUUID(),
      slug: SLUG,
      quantity: 2,
      shippingAddress: { addressLine1: "", addressLine2: "Große Elbstraße 145", countryCode: "DE" },
      totalOrderAmount: { amount: "0.01", currencyCode: "USD" },
    },
  ]);
  expect(quote.result).toMatchObject({
    ok: true,
    data: { totalBaseAmount: { amount: "35.80", currencyCode: "EUR" } },
  });
}

// The second run of the suite, on PostgreSQL, pays in one market only: what differs between the
// markets never reaches the database differently.
const journeys =
  process.env.E2E_DATABASE === "postgresql" ? JOURNEYS.filter((j) => j.currency === "EUR") : JOURNEYS;

// One market's shop runs at a time: started before its tests, stopped after them.
for (const journey of journeys) {
  test.describe(`the ${journey.currency} market`, () => {
    test.describe.configure({ mode: "serial" });
    const base = `http://127.0.0.1:${MARKET_SHOPS[journey.currency].port}`;
    let shop: ShopProcess | undefined;
    test.beforeAll(async () => {
      shop = await startMarketShop(journey.currency);
    });
    test.afterAll(async () => {
      await shop?.stop();
    });

    test(`a local buyer pays in ${journey.currency} and every page shows only ${journey.currency}`, async ({
      page,
    }) => {
      await payAsLocalBuyer(page, base, journey);
    });

    if (journey.currency === "EUR")
      test("currency, price and amount fields sent by the browser are ignored", async ({ playwright }) => {
        const buyer = await playwright.request.newContext();
        await tamperInEuros(buyer, base);
        await buyer.dispose();
      });
  });
}
