// Every region refuses what Amazon refuses there: keys at another region's endpoint, currencies
// outside the merchant's ledger and presentment currencies, decimals in JPY, amounts above the
// per-transaction maximum, and multi-currency outside EU/UK.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/index";
import {
  addMerchant,
  call,
  emulatorJson,
  keyPair,
  REVIEW_URL,
  startTestEmulator,
  type TestMerchant,
} from "../helpers";

let emulator: RunningEmulator;
let na: TestMerchant;
let eu: TestMerchant;
let uk: TestMerchant;
let jp: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator();
  na = addMerchant(emulator);
  eu = addMerchant(emulator, { region: "eu", keyIndex: 1 });
  uk = addMerchant(emulator, { ledgerCurrency: "GBP", keyIndex: 1 });
  jp = addMerchant(emulator, { region: "jp", keyIndex: 1 });
});
afterAll(() => emulator.close());

const create = (
  merchant: TestMerchant,
  paymentDetails: Record<string, unknown>,
  path = "/v2/checkoutSessions",
) =>
  call(emulator, merchant, {
    method: "POST",
    path,
    body: {
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
      paymentDetails: { paymentIntent: "Authorize", ...paymentDetails },
    },
  });
const price = (amount: string, currencyCode: string) => ({ amount, currencyCode });

describe("merchant registration", () => {
  it("defaults to na/USD and derives the region from the ledger currency", () => {
    expect(na.record).toMatchObject({ region: "na", ledgerCurrency: "USD" });
    expect(eu.record).toMatchObject({ region: "eu", ledgerCurrency: "EUR" });
    expect(uk.record).toMatchObject({ region: "eu", ledgerCurrency: "GBP" });
    expect(jp.record).toMatchObject({ region: "jp", ledgerCurrency: "JPY" });
  });

  it("refuses a ledger currency of another region", async () => {
    const refused = await emulatorJson(emulator, "/__emulator/merchants", {
      body: {
        publicKeyId: "SANDBOX-MISMATCH",
        publicKey: keyPair(0).publicKeyPem,
        region: "jp",
        ledgerCurrency: "EUR",
      },
    });
    expect(refused).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(String(refused.body.message)).toContain("ledgerCurrency");
  });
});

describe("region endpoints", () => {
  it("serves a merchant at its region's endpoint, by header or by path prefix", async () => {
    expect((await create(eu, { chargeAmount: price("10.00", "EUR") })).status).toBe(201);
    expect((await create(jp, { chargeAmount: price("1000", "JPY") }, "/jp/v2/checkoutSessions")).status).toBe(
      201,
    );
  });

  it("answers another region's endpoint like an unknown key: 401 UnauthorizedAccess", async () => {
    const byHeader = await call(emulator, eu, {
      method: "GET",
      path: "/v2/chargePermissions/S01-0000000-0000000",
      headers: { "x-amz-pay-region": "na" },
    });
    expect(byHeader).toMatchObject({ status: 401, body: { reasonCode: "UnauthorizedAccess" } });
    const byPath = await create(na, { chargeAmount: price("10.00", "USD") }, "/eu/v2/checkoutSessions");
    expect(byPath).toMatchObject({ status: 401, body: { reasonCode: "UnauthorizedAccess" } });
    expect(String(byPath.body.message)).toContain("pay-api.amazon.eu");
  });
});

describe("currencies", () => {
  it("refuses a currency outside the ledger currency with CurrencyMismatch in na and jp", async () => {
    expect(await create(na, { chargeAmount: price("10.00", "EUR") })).toMatchObject({
      status: 400,
      body: { reasonCode: "CurrencyMismatch" },
    });
    expect(await create(jp, { chargeAmount: price("10.00", "USD") })).toMatchObject({
      status: 400,
      body: { reasonCode: "CurrencyMismatch" },
    });
    expect(await create(uk, { chargeAmount: price("10", "XAF") })).toMatchObject({
      status: 400,
      body: { reasonCode: "InvalidParameterValue" },
    });
  });

  it("refuses decimals in JPY amounts, even zero ones", async () => {
    for (const amount of ["1999.00", "19.99", "1999.0"]) {
      const refused = await create(jp, { chargeAmount: price(amount, "JPY") });
      expect(refused, amount).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
      expect(String(refused.body.message)).toContain("no decimals");
    }
    expect((await create(jp, { chargeAmount: { amount: 1999, currencyCode: "JPY" } })).status).toBe(201);
  });

  it("refuses amounts above the per-transaction maximum of each ledger currency", async () => {
    const cases: [TestMerchant, string, string, string][] = [
      [na, "USD", "150000.00", "150000.01"],
      [eu, "EUR", "150000.00", "150000.01"],
      [uk, "GBP", "150000.00", "150000.01"],
      [jp, "JPY", "10000000", "10000001"],
    ];
    for (const [merchant, currency, max, over] of cases) {
      expect((await create(merchant, { chargeAmount: price(max, currency) })).status, currency).toBe(201);
      const refused = await create(merchant, { chargeAmount: price(over, currency) });
      expect(refused, currency).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
      expect(String(refused.body.message)).toContain("maximum");
    }
  });

  it("holds a presentment amount to the ledger maximum after conversion", async () => {
    // 149,000 CHF is about 156,842 EUR at the default rates.
    const refused = await create(eu, { chargeAmount: price("149000.00", "CHF"), presentmentCurrency: "CHF" });
    expect(refused).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(String(refused.body.message)).toContain("149000.00 CHF is 156842.11 EUR, above the maximum");
    const within = await create(eu, { chargeAmount: price("142000.00", "CHF"), presentmentCurrency: "CHF" });
    expect(within.status).toBe(201);
  });

  it("accepts presentmentCurrency only from EU/UK merchants, and only multi-currency ones", async () => {
    expect(await create(na, { presentmentCurrency: "EUR" })).toMatchObject({
      status: 400,
      body: { reasonCode: "InvalidParameterValue" },
    });
    // With an amount in it, the amount's currency is what is wrong.
    expect(
      await create(na, { chargeAmount: price("10.00", "EUR"), presentmentCurrency: "EUR" }),
    ).toMatchObject({ status: 400, body: { reasonCode: "CurrencyMismatch" } });
    const jpRefused = await create(jp, { presentmentCurrency: "USD" });
    expect(jpRefused).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(String(jpRefused.body.message)).toContain("only available to EU/UK merchants");
    expect(
      (await create(na, { chargeAmount: price("10.00", "USD"), presentmentCurrency: "USD" })).status,
    ).toBe(201);
    expect(await create(eu, { presentmentCurrency: "CAD" })).toMatchObject({
      status: 400,
      body: { reasonCode: "InvalidParameterValue" },
    });
    for (const currency of ["CHF", "SEK", "USD", "JPY", "GBP"]) {
      const amount = currency === "JPY" ? "5000" : "50.00";
      const created = await create(eu, {
        chargeAmount: price(amount, currency),
        presentmentCurrency: currency,
      });
      expect(created.status, currency).toBe(201);
      expect(created.body.paymentDetails).toMatchObject({ presentmentCurrency: currency });
    }
  });

  it("requires the charge amount in the presentment currency", async () => {
    expect(
      await create(uk, { chargeAmount: price("50.00", "GBP"), presentmentCurrency: "EUR" }),
    ).toMatchObject({ status: 400, body: { reasonCode: "CurrencyMismatch" } });
  });
});
