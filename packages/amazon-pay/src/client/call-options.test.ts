// Per-call options: simulation codes, extra headers, idempotency keys, invalid bodies, aborts.
import { describe, expect, it } from "vitest";
import { verifyCapturedSignature } from "../test-fixtures/capture-server";
import { captureServerPerFile, usd } from "../test-fixtures/client-harness";
import { chargeResponse, refundResponse, CHARGE_ID, CHARGE_PERMISSION_ID } from "../test-fixtures/responses";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();

describe("per-call options", () => {
  it("sends the simulation code signed by default, or unsigned when asked", async () => {
    const { client, keys } = testClient(capture.server.url);
    capture.reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.capture(
      CHARGE_ID,
      { captureAmount: usd("1.00") },
      { simulationCode: "CaptureInitiated" },
    );
    let verified = verifyCapturedSignature(capture.lastRequest(), keys.publicKey);
    expect(capture.lastRequest().headers["x-amz-pay-simulation-code"]).toBe("CaptureInitiated");
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).toContain("x-amz-pay-simulation-code");

    await client.charges.capture(
      CHARGE_ID,
      { captureAmount: usd("1.00") },
      { simulationCode: "AmazonRejected", signSimulationCode: false },
    );
    verified = verifyCapturedSignature(capture.lastRequest(), keys.publicKey);
    expect(capture.lastRequest().headers["x-amz-pay-simulation-code"]).toBe("AmazonRejected");
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).not.toContain("x-amz-pay-simulation-code");
  });

  it("refuses a simulation code outside the sandbox, before sending", async () => {
    const { client } = testClient(capture.server.url, {
      publicKeyId: "LIVE-AFVX7ULWSGBZ5535PCUQOY7B",
      sandbox: false,
    });
    const before = capture.server.requests.length;
    await expect(client.charges.get(CHARGE_ID, { simulationCode: "HardDeclined" })).rejects.toThrow(
      /only valid in the sandbox/,
    );
    expect(capture.server.requests.length).toBe(before);
  });

  it("signs extra headers and refuses reserved or malformed ones", async () => {
    const { client, keys } = testClient(capture.server.url);
    capture.reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.get(CHARGE_ID, { headers: { "X-Amz-Pay-AuthToken": "token-1" } });
    const verified = verifyCapturedSignature(capture.lastRequest(), keys.publicKey);
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).toContain("x-amz-pay-authtoken");
    await expect(client.charges.get(CHARGE_ID, { headers: { "x-amz-pay-date": "x" } })).rejects.toThrow(
      /set by the client/,
    );
    await expect(client.charges.get(CHARGE_ID, { headers: { "bad header": "x" } })).rejects.toThrow(
      /invalid header name/,
    );
    await expect(client.charges.get(CHARGE_ID, { headers: { "x-ok": "a\r\nb" } })).rejects.toThrow(
      /line break/,
    );
  });

  it("generates a valid key for POSTs without one and never sends one on other methods", async () => {
    const { client } = testClient(capture.server.url);
    capture.reply = () => ({ status: 201, body: refundResponse() });
    const result = await client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") });
    expect(result.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(capture.lastRequest().headers["x-amz-pay-idempotency-key"]).toBe(result.idempotencyKey);
    capture.reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.cancel(CHARGE_ID, {});
    expect(capture.lastRequest().headers["x-amz-pay-idempotency-key"]).toBeUndefined();
  });

  it("refuses an invalid idempotency key and an invalid body before sending", async () => {
    const { client } = testClient(capture.server.url);
    const before = capture.server.requests.length;
    const badKey = client.charges.create(
      { chargePermissionId: CHARGE_PERMISSION_ID, chargeAmount: usd("1.00") },
      { idempotencyKey: "has spaces and is far too long for amazon" },
    );
    await expect(badKey).rejects.toMatchObject({
      kind: "invalid-request",
      operation: "createCharge",
      attempts: 0,
    });
    const badBody = client.charges.capture(CHARGE_ID, {
      captureAmount: { amount: "1.005", currencyCode: "USD" },
    });
    await expect(badBody).rejects.toMatchObject({
      kind: "invalid-request",
      operation: "captureCharge",
      issues: [expect.stringMatching(/^captureAmount\.amount: USD amounts have at most 2 decimal places/)],
    });
    expect(capture.server.requests.length).toBe(before);
  });

  it("honours an already aborted signal without sending", async () => {
    const { client } = testClient(capture.server.url);
    const before = capture.server.requests.length;
    await expect(client.charges.get(CHARGE_ID, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: "aborted",
      attempts: 0,
    });
    expect(capture.server.requests.length).toBe(before);
  });
});
