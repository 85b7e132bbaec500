// Signed button configurations for checkout.js.
import { describe, expect, it } from "vitest";
import { verifyButtonPayload } from "../signing/button-payload";
import { captureServerPerFile, usd } from "../test-fixtures/client-harness";
import { TEST_STORE_ID } from "../test-fixtures/keys";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();

describe("button payloads", () => {
  it("validates, serializes once and signs the exact payloadJSON", () => {
    const { client, keys } = testClient(capture.server.url, { algorithm: "AMZN-PAY-RSASSA-PSS" });
    const config = client.checkoutButtonConfig({
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://shop.example/checkout/review" },
      storeId: TEST_STORE_ID,
      scopes: ["name", "email"],
      paymentDetails: { estimateOrderTotal: { amount: 14, currencyCode: "USD" } },
    });
    expect(JSON.parse(config.payloadJSON)).toEqual({
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://shop.example/checkout/review" },
      storeId: TEST_STORE_ID,
      scopes: ["name", "email"],
      paymentDetails: { estimateOrderTotal: usd("14.00") },
    });
    expect(config).toMatchObject({
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      algorithm: "AMZN-PAY-RSASSA-PSS",
    });
    expect(
      verifyButtonPayload(config.payloadJSON, config.signature, keys.publicKey, "AMZN-PAY-RSASSA-PSS"),
    ).toBe(true);
    expect(() => client.checkoutButtonConfig({ webCheckoutDetails: {}, storeId: TEST_STORE_ID })).toThrow(
      /checkoutReviewReturnUrl: is required/,
    );
  });

  it("signs a raw payload string as given", () => {
    const { client, keys } = testClient(capture.server.url);
    const payloadJSON = `{"signInReturnUrl":"https://shop.example/signin","storeId":"${TEST_STORE_ID}","signInScopes":["name","email"]}`;
    const config = client.signButtonPayload(payloadJSON);
    expect(config.payloadJSON).toBe(payloadJSON);
    expect(verifyButtonPayload(payloadJSON, config.signature, keys.publicKey, "AMZN-PAY-RSASSA-PSS-V2")).toBe(
      true,
    );
  });

  it("signs each payload once and keeps the signature; another payload gets its own", () => {
    const { client, keys } = testClient(capture.server.url);
    const payload = (returnUrl: string) => ({
      webCheckoutDetails: { checkoutReviewReturnUrl: returnUrl },
      storeId: TEST_STORE_ID,
    });
    const first = client.checkoutButtonConfig(payload("https://shop.example/checkout/review"));
    const again = client.checkoutButtonConfig(payload("https://shop.example/checkout/review"));
    // RSASSA-PSS signatures are salted: an equal signature is the kept one, not a new one.
    expect(again.signature).toBe(first.signature);
    const other = client.checkoutButtonConfig(payload("https://shop.example/other/review"));
    expect(other.signature).not.toBe(first.signature);
    for (const config of [first, other])
      expect(
        verifyButtonPayload(config.payloadJSON, config.signature, keys.publicKey, "AMZN-PAY-RSASSA-PSS-V2"),
      ).toBe(true);
  });
});
