// A checkout in each region through the hosted pages: the region's buyers and addresses, the page
// language from checkoutLanguage, and multi-currency money (presentment charge, converted ledger
// amount, refunds and settlement in the right currencies).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_BUYERS, type RunningEmulator } from "../../src/index";
import { settlementRows } from "../../src/operations/settlement-document";
import {
  addMerchant,
  buttonConfig,
  call,
  chooseOnHostedPage,
  clickButton,
  eventually,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "../helpers";

let emulator: RunningEmulator;
let eu: TestMerchant;
let jp: TestMerchant;
let na: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator();
  na = addMerchant(emulator);
  eu = addMerchant(emulator, { region: "eu", ledgerCurrency: "EUR", keyIndex: 1 });
  jp = addMerchant(emulator, { region: "jp", keyIndex: 2 });
});
afterAll(() => emulator.close());

const buyer = (email: string) => TEST_BUYERS.find((b) => b.email === email)!;
const payload = (merchant: TestMerchant) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: merchant.record.storeId,
});
const hostedPage = async (id: string) =>
  (await visit(`${emulator.url}/checkout?amazonCheckoutSessionId=${id}`)).text();

/** Button → hosted page choice → Update with the amount → processing → Complete. */
async function checkout(
  merchant: TestMerchant,
  choice: { buyerId: string; addressId: string },
  chargeAmount: { amount: string; currencyCode: string },
  paymentIntent = "AuthorizeWithCapture",
) {
  const id = await clickButton(emulator, merchant, payload(merchant));
  await chooseOnHostedPage(emulator, id, { ...choice, paymentMethodId: "visa-1111" });
  const updated = await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent, chargeAmount, presentmentCurrency: chargeAmount.currencyCode },
    },
  });
  expect(updated.status).toBe(200);
  const redirect = (updated.body.webCheckoutDetails as Record<string, string>).amazonPayRedirectUrl!;
  expect((await visit(redirect)).status).toBe(303);
  const done = await call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount },
  });
  expect(done.status).toBe(200);
  return { id, done: done.body };
}

describe("hosted pages per region", () => {
  it("offers an eu merchant's buyers in German when checkoutLanguage is de_DE", async () => {
    const id = await clickButton(emulator, eu, payload(eu), { checkoutLanguage: "de_DE" });
    const html = await hostedPage(id);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<h1>Zahlungsart wählen</h1>");
    expect(html).toContain('data-testid="continue">Weiter</button>');
    expect(html).toContain('data-testid="buyer-lena-schmidt"');
    expect(html).toContain('data-testid="buyer-oliver-hughes"');
    expect(html).not.toContain("ava-johnson");
  });

  it("falls back to the ledger currency's language: English for GBP, Japanese for JPY", async () => {
    const uk = addMerchant(emulator, { ledgerCurrency: "GBP", keyIndex: 3 });
    const ukPage = await hostedPage(
      await clickButton(emulator, uk, payload(uk), { checkoutLanguage: "ja_JP" }),
    );
    expect(ukPage).toContain('<html lang="en-GB">');
    expect(ukPage).toContain("<h1>Choose how to pay</h1>");
    const jpPage = await hostedPage(await clickButton(emulator, jp, payload(jp)));
    expect(jpPage).toContain('<html lang="ja">');
    expect(jpPage).toContain("<h1>お支払い方法の選択</h1>");
    expect(jpPage).toContain('data-testid="buyer-jp"');
    expect(jpPage).toContain('data-testid="address-jp-tokyo"');
  });

  it("keeps na pages in English with the US buyers", async () => {
    const html = await hostedPage(
      await clickButton(emulator, na, payload(na), { checkoutLanguage: "de_DE" }),
    );
    expect(html).toContain("<h1>Choose how to pay</h1>");
    expect(html).toContain('data-testid="buyer-ava-johnson"');
    expect(html).not.toContain("buyer-lena-schmidt");
  });

  it("refuses a buyer of another region on the hosted page", async () => {
    const id = await clickButton(emulator, na, payload(na));
    const refused = await postForm(emulator, "/checkout", {
      amazonCheckoutSessionId: id,
      buyerId: buyer("buyer-de@sandbox.example").buyerId,
      addressId: "de-berlin",
      paymentMethodId: "visa-1111",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Choose one of the test buyers.");
  });

  it("signs in a jp buyer on a Japanese sign-in page", async () => {
    const started = await postForm(emulator, "/checkout/start", {
      ...buttonConfig(jp, { signInReturnUrl: "https://shop.example/signin", storeId: jp.record.storeId }),
      productType: "SignIn",
    });
    const location = new URL(started.headers.get("location")!, emulator.url);
    const html = await (await visit(location.toString())).text();
    expect(html).toContain("<h1>Amazonアカウントでログイン</h1>");
    expect(html).toContain("buyer-jp@sandbox.example");
    expect(html).not.toContain("ava.johnson@sandbox.example");
  });
});

describe("regional addresses", () => {
  it("gives a German address with the street in addressLine2 and an empty addressLine1", async () => {
    const { done } = await checkout(
      eu,
      { buyerId: buyer("buyer-de@sandbox.example").buyerId, addressId: "de-hamburg-line2" },
      { amount: "89.90", currencyCode: "EUR" },
    );
    const session = await call(emulator, eu, {
      method: "GET",
      path: `/v2/checkoutSessions/${String(done.checkoutSessionId)}`,
    });
    expect(session.body.shippingAddress).toMatchObject({
      addressLine1: "",
      addressLine2: "Große Elbstraße 145",
      city: "Hamburg",
      postalCode: "22767",
      countryCode: "DE",
    });
  });

  it("gives a Japanese address with the postal code, the prefecture and no city", async () => {
    const { done } = await checkout(
      jp,
      { buyerId: buyer("buyer-jp@sandbox.example").buyerId, addressId: "jp-tokyo" },
      { amount: "12800", currencyCode: "JPY" },
    );
    const session = await call(emulator, jp, {
      method: "GET",
      path: `/v2/checkoutSessions/${String(done.checkoutSessionId)}`,
    });
    expect(session.body.shippingAddress).toMatchObject({
      postalCode: "150-0002",
      stateOrRegion: "東京都",
      city: null,
      addressLine1: "渋谷区渋谷2-21-1",
      countryCode: "JP",
    });
    const charge = await call(emulator, jp, { method: "GET", path: `/v2/charges/${String(done.chargeId)}` });
    expect(charge.body).toMatchObject({
      chargeAmount: { amount: "12800", currencyCode: "JPY" },
      convertedAmount: null,
      conversionRate: null,
    });
  });
});

describe("ledger currency without an amount", () => {
  it("gives a jp Saved Wallet setup without an amount a JPY Charge Permission", async () => {
    const id = await clickButton(emulator, jp, {
      ...payload(jp),
      chargePermissionType: "PaymentMethodOnFile",
      paymentMethodOnFileMetadata: { setupOnly: true },
      paymentDetails: { paymentIntent: "Confirm" },
    });
    await chooseOnHostedPage(emulator, id, {
      buyerId: buyer("buyer-jp@sandbox.example").buyerId,
      addressId: "jp-osaka-romaji",
      paymentMethodId: "visa-1111",
    });
    const updated = await call(emulator, jp, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: { webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL } },
    });
    expect(updated.body.constraints).toEqual([]);
    await visit((updated.body.webCheckoutDetails as Record<string, string>).amazonPayRedirectUrl!);
    const done = await call(emulator, jp, {
      method: "POST",
      path: `/v2/checkoutSessions/${id}/complete`,
      body: {},
    });
    expect(done.status).toBe(200);
    const permission = await call(emulator, jp, {
      method: "GET",
      path: `/v2/chargePermissions/${String(done.body.chargePermissionId)}`,
    });
    expect(permission.body.presentmentCurrency).toBe("JPY");
    expect(permission.body.shippingAddress).toMatchObject({
      stateOrRegion: "Osaka",
      city: null,
      addressLine3: "Tower B 15F",
    });
  });
});

describe("multi-currency (EU/UK)", () => {
  it("charges in the presentment currency and reports the ledger amount and rate", async () => {
    const { done } = await checkout(
      eu,
      { buyerId: buyer("buyer-uk@sandbox.example").buyerId, addressId: "uk-manchester-no-phone" },
      { amount: "95.00", currencyCode: "CHF" },
    );
    const permission = await call(emulator, eu, {
      method: "GET",
      path: `/v2/chargePermissions/${String(done.chargePermissionId)}`,
    });
    expect(permission.body.presentmentCurrency).toBe("CHF");
    expect(permission.body.shippingAddress).toMatchObject({ postalCode: "M1 1RG", phoneNumber: null });
    const chargeId = String(done.chargeId);
    const charge = await call(emulator, eu, { method: "GET", path: `/v2/charges/${chargeId}` });
    expect(charge.body).toMatchObject({
      chargeAmount: { amount: "95.00", currencyCode: "CHF" },
      captureAmount: { amount: "95.00", currencyCode: "CHF" },
      // chargeAmount / conversionRate: 95.00 CHF / 0.95 = 100.00 EUR at the default rates.
      convertedAmount: { amount: "100.00", currencyCode: "EUR" },
      conversionRate: 0.95,
    });
    const inLedger = await call(emulator, eu, {
      method: "POST",
      path: "/v2/refunds",
      body: { chargeId, refundAmount: { amount: "10.00", currencyCode: "EUR" } },
    });
    expect(inLedger).toMatchObject({ status: 400, body: { reasonCode: "CurrencyMismatch" } });
    const refund = await call(emulator, eu, {
      method: "POST",
      path: "/v2/refunds",
      body: { chargeId, refundAmount: { amount: "19.00", currencyCode: "CHF" } },
    });
    expect(refund).toMatchObject({
      status: 201,
      body: { refundAmount: { amount: "19.00", currencyCode: "CHF" } },
    });
    // The settlement lists the capture and, once Refunded, the refund in EUR at the charge's rate.
    const rows = await eventually(() => {
      const found = settlementRows(emulator.emulator, eu.record.merchantId, 0, Date.now() + 60_000).filter(
        (row) => row.chargePermissionId === done.chargePermissionId,
      );
      return found.length === 2 ? found : undefined;
    });
    expect(rows.map((row) => [row.type, row.amount, row.fixedFee.currency])).toEqual([
      ["Capture", { amount: 10_000, currency: "EUR" }, "EUR"],
      ["Refund", { amount: -2_000, currency: "EUR" }, "EUR"],
    ]);
  });

  it("refuses a Create Charge in another currency than the Charge Permission's", async () => {
    const { done } = await checkout(
      eu,
      { buyerId: buyer("buyer-de@sandbox.example").buyerId, addressId: "de-berlin" },
      { amount: "40.00", currencyCode: "SEK" },
      "Confirm",
    );
    const charged = await call(emulator, eu, {
      method: "POST",
      path: "/v2/charges",
      body: {
        chargePermissionId: done.chargePermissionId,
        chargeAmount: { amount: "1.00", currencyCode: "EUR" },
      },
    });
    expect(charged).toMatchObject({ status: 400, body: { reasonCode: "CurrencyMismatch" } });
    const inSek = await call(emulator, eu, {
      method: "POST",
      path: "/v2/charges",
      body: {
        chargePermissionId: done.chargePermissionId,
        chargeAmount: { amount: "40.00", currencyCode: "SEK" },
        captureNow: true,
      },
    });
    // 40.00 SEK / (11.3 / 1) = 3.54 EUR.
    expect(inSek).toMatchObject({
      status: 201,
      body: { convertedAmount: { amount: "3.54", currencyCode: "EUR" }, conversionRate: 11.3 },
    });
  });
});
