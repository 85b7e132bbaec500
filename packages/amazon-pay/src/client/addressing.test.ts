// The client's verifier check, API addressing per key type and region, and the environment it exposes.
import { describe, expect, it } from "vitest";
import { verifyCapturedSignature } from "../test-fixtures/capture-server";
import { captureServerPerFile, usd } from "../test-fixtures/client-harness";
import { rsaKeyPair, TEST_STORE_ID } from "../test-fixtures/keys";
import { chargeResponse, refundResponse, CHARGE_ID } from "../test-fixtures/responses";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();

describe("the test's server-side verifier", () => {
  it("rejects a request whose body, signed header or key changed after signing", async () => {
    const { client, keys } = testClient(capture.server.url);
    capture.reply = () => ({ status: 201, body: refundResponse() });
    await client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") });
    const request = capture.lastRequest();
    expect(verifyCapturedSignature(request, keys.publicKey).valid).toBe(true);
    expect(
      verifyCapturedSignature({ ...request, body: request.body.replace("1.00", "9.00") }, keys.publicKey)
        .valid,
    ).toBe(false);
    expect(
      verifyCapturedSignature(
        { ...request, headers: { ...request.headers, "x-amz-pay-region": "eu" } },
        keys.publicKey,
      ).valid,
    ).toBe(false);
    expect(verifyCapturedSignature(request, rsaKeyPair(1024).publicKey).valid).toBe(false);
  });
});

describe("addressing and environment", () => {
  it("legacy keys put /sandbox or /live before /v2, and the signature covers that path", async () => {
    for (const [sandbox, prefix] of [
      [true, "/sandbox"],
      [false, "/live"],
    ] as const) {
      const { client, keys } = testClient(capture.server.url, {
        publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B",
        sandbox,
        region: "de",
      });
      capture.reply = () => ({ status: 200, body: chargeResponse() });
      await client.charges.get(CHARGE_ID);
      expect(capture.lastRequest().url).toBe(`${prefix}/v2/charges/${CHARGE_ID}`);
      expect(capture.lastRequest().headers["x-amz-pay-region"]).toBe("eu");
      expect(verifyCapturedSignature(capture.lastRequest(), keys.publicKey).valid).toBe(true);
      expect(client.environment.apiBaseUrl).toBe(`${capture.server.url}${prefix}`);
    }
  });

  it("exposes the environment without the key", () => {
    const { client } = testClient(capture.server.url, { region: "jp" });
    expect(client.environment).toEqual({
      region: "jp",
      sandbox: true,
      merchantId: "A2K7NDRMCETORT",
      storeId: TEST_STORE_ID,
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      apiBaseUrl: capture.server.url,
      checkoutJsUrl: "https://static-fe.payments-amazon.com/checkout.js",
    });
  });

  it("encodes ids into a single path segment", async () => {
    const { client } = testClient(capture.server.url);
    capture.reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.get("a/b c");
    expect(capture.lastRequest().url).toBe("/v2/charges/a%2Fb%20c");
    await expect(client.charges.get(" ")).rejects.toMatchObject({
      kind: "invalid-request",
      issues: ["chargeId: must be a non-empty id"],
    });
  });
});
