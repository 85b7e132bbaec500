// The transport against a local server: what is retried, what is not, and the idempotency key
// and signature of each attempt.
import { describe, expect, it } from "vitest";
import { AmazonPayError } from "../errors";
import { sendJson, verifyCapturedSignature } from "../test-fixtures/capture-server";
import { recordingClient, refundBody, serverPerTest } from "../test-fixtures/recording-client";
import { chargeResponse, refundResponse, CHARGE_ID } from "../test-fixtures/responses";

const serve = serverPerTest();

describe("retries against a local server", () => {
  it("429 then 200: retried once, same idempotency key, fresh date and signature", async () => {
    const s = await serve((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { reasonCode: "TooManyRequests", message: "slow down" })
        : sendJson(res, 201, refundResponse()),
    );
    const { client, keys, sleeps } = recordingClient(s.url);
    const result = await client.refunds.create(refundBody, { idempotencyKey: "refund-order-1-1" });
    expect(result).toMatchObject({ status: 201, attempts: 2, idempotencyKey: "refund-order-1-1" });
    expect(s.requests).toHaveLength(2);
    expect(s.requests.map((r) => r.headers["x-amz-pay-idempotency-key"])).toEqual([
      "refund-order-1-1",
      "refund-order-1-1",
    ]);
    expect(s.requests[0]?.headers["x-amz-pay-date"]).not.toBe(s.requests[1]?.headers["x-amz-pay-date"]);
    expect(s.requests[0]?.headers.authorization).not.toBe(s.requests[1]?.headers.authorization);
    expect(s.requests.every((r) => verifyCapturedSignature(r, keys.publicKey).valid)).toBe(true);
    expect(s.requests[0]?.body).toBe(s.requests[1]?.body);
    expect(sleeps).toEqual([50]);
  });

  it("a generated idempotency key is also reused on every attempt", async () => {
    const s = await serve((_req, res, i) =>
      i < 2
        ? sendJson(res, 500, { reasonCode: "InternalServerError", message: "" })
        : sendJson(res, 201, refundResponse()),
    );
    const { client } = recordingClient(s.url);
    const result = await client.refunds.create(refundBody);
    const keys = s.requests.map((r) => r.headers["x-amz-pay-idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys)).toEqual(new Set([result.idempotencyKey]));
  });

  it("503 forever: gives up after maxAttempts with a retryable error", async () => {
    const s = await serve((_req, res) =>
      sendJson(
        res,
        503,
        { reasonCode: "ServiceUnavailable", message: "down" },
        { "x-amz-pay-request-id": "req-503" },
      ),
    );
    const { client, sleeps } = recordingClient(s.url);
    const error = await client.charges.get(CHARGE_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect(error).toMatchObject({
      kind: "api",
      status: 503,
      reasonCode: "ServiceUnavailable",
      retryable: true,
      attempts: 3,
      requestId: "req-503",
      operation: "getCharge",
    });
    expect(s.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it.each([408, 425, 500, 502, 504])("%i is retried", async (status) => {
    const s = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, status, "") : sendJson(res, 200, chargeResponse()),
    );
    const { client } = recordingClient(s.url);
    expect((await client.charges.get(CHARGE_ID)).attempts).toBe(2);
  });

  it.each([400, 401, 403, 404, 409, 422])("%i is sent exactly once", async (status) => {
    const s = await serve((_req, res) =>
      sendJson(res, status, { reasonCode: "InvalidParameterValue", message: "bad" }),
    );
    const { client, sleeps } = recordingClient(s.url);
    await expect(client.refunds.create(refundBody)).rejects.toMatchObject({
      kind: "api",
      status,
      retryable: false,
      attempts: 1,
    });
    expect(s.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("an error status without a JSON body still gives a clear error", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad Gateway</body></html>");
    });
    const { client } = recordingClient(s.url, { retry: { maxAttempts: 1 } });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      status: 502,
      reasonCode: null,
      retryable: true,
      message: "Amazon Pay getCharge: HTTP 502 error: <html><body>Bad Gateway</body></html>",
    });
  });
});
