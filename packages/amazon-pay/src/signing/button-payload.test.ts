import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./algorithms";
import { signButtonPayload, verifyButtonPayload } from "./button-payload";

describe("button payload signature", () => {
  const payloadJSON =
    '{"storeId":"amzn1.application-oa2-client.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","webCheckoutDetails":{"checkoutReviewReturnUrl":"https://localhost/test/CheckoutReview.php","checkoutResultReturnUrl":"https://localhost/test/CheckoutResult.php"}}';

  it("hashes the exact payload string", () => {
    expect(sha256Hex(payloadJSON)).toBe("8dec52d799607be40f82d5c8e7ecb6c171e6591c41b1111a576b16076c89381c");
    expect(sha256Hex(payloadJSON.replaceAll("/", "\\/"))).toMatch(/^3261ffae/);
  });

  it("round-trips with a generated key and refuses a re-serialized payload", () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    for (const algorithm of ["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"] as const) {
      const signature = signButtonPayload(payloadJSON, privateKey, algorithm);
      expect(Buffer.from(signature, "base64")).toHaveLength(256);
      expect(verifyButtonPayload(payloadJSON, signature, publicKey, algorithm)).toBe(true);
      expect(verifyButtonPayload(payloadJSON.replaceAll("/", "\\/"), signature, publicKey, algorithm)).toBe(
        false,
      );
    }
  });
});
