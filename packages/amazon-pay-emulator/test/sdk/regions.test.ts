// The official Node SDK configured for the eu and jp regions: it calls pay-api.amazon.eu and
// pay-api.amazon.jp (routed to the emulator over TLS) and sends x-amz-pay-region, which the
// emulator holds against the merchant's registered region.
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { addMerchant, keyPair, REVIEW_URL, type TestMerchant } from "../helpers";
import { emulator, expectSdkError, keyHeaders, merchant, setUpSdk, type WebStoreClient } from "./harness";

setUpSdk();

const sdk = createRequire(import.meta.url)("@amazonpay/amazon-pay-api-sdk-nodejs") as {
  WebStoreClient: new (config: Record<string, unknown>) => WebStoreClient;
};

const clientFor = (m: TestMerchant, region: string, keyIndex: number) =>
  new sdk.WebStoreClient({
    publicKeyId: m.publicKeyId,
    privateKey: keyPair(keyIndex).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    region,
    sandbox: true,
  });

let eu: TestMerchant;
let jp: TestMerchant;

beforeAll(() => {
  eu = addMerchant(emulator, { region: "eu", ledgerCurrency: "GBP", keyIndex: 1 });
  jp = addMerchant(emulator, { region: "jp", keyIndex: 2 });
});

const session = (m: TestMerchant, chargeAmount: { amount: string; currencyCode: string }) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: m.record.storeId,
  paymentDetails: { paymentIntent: "Authorize", chargeAmount },
});

describe("official Node SDK in the eu and jp regions", () => {
  it("creates and gets a GBP session through pay-api.amazon.eu (region alias uk)", async () => {
    const client = clientFor(eu, "uk", 1);
    const created = await client.createCheckoutSession(
      session(eu, { amount: "25.00", currencyCode: "GBP" }),
      keyHeaders(),
    );
    expect(created.status).toBe(201);
    const got = await client.getCheckoutSession(String(created.data.checkoutSessionId));
    expect(got.data.paymentDetails).toMatchObject({ chargeAmount: { amount: "25.00", currencyCode: "GBP" } });
    // USD would be a multi-currency presentment currency here; Amazon Pay has no CAD at all.
    await expectSdkError(
      client.createCheckoutSession(session(eu, { amount: "25.00", currencyCode: "CAD" }), keyHeaders()),
      400,
      "InvalidParameterValue",
    );
  });

  it("creates a JPY session through pay-api.amazon.jp and refuses decimals", async () => {
    const client = clientFor(jp, "jp", 2);
    const created = await client.createCheckoutSession(
      session(jp, { amount: "12800", currencyCode: "JPY" }),
      keyHeaders(),
    );
    expect(created.status).toBe(201);
    await expectSdkError(
      client.createCheckoutSession(session(jp, { amount: "12800.00", currencyCode: "JPY" }), keyHeaders()),
      400,
      "InvalidParameterValue",
    );
  });

  it("answers a key configured for the wrong region with 401 UnauthorizedAccess", async () => {
    const naKeyInEu = clientFor(merchant, "eu", 0);
    await expectSdkError(
      naKeyInEu.createCheckoutSession(
        session(merchant, { amount: "10.00", currencyCode: "USD" }),
        keyHeaders(),
      ),
      401,
      "UnauthorizedAccess",
    );
  });
});
