// The transport against a local node:http server: what is retried, what is not, timeouts,
// dropped connections, the attempt and total-time bounds, idempotency keys and logging.
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type AmazonPayClientOptions } from "./client";
import { type AmazonPayConfigInput } from "./config";
import { AmazonPayError } from "./errors";
import { backoffDelay, isRetryableStatus, type AmazonPayLogEntry } from "./http";
import { REDACTED } from "./redact";
import {
  sendJson,
  startCaptureServer,
  verifyCapturedSignature,
  type CaptureServer,
  type Handler,
} from "./test-fixtures/capture-server";
import { buyerResponse, chargeResponse, refundResponse, CHARGE_ID } from "./test-fixtures/responses";
import { selfSignedCertificate } from "./test-fixtures/self-signed";
import { testClient } from "./test-fixtures/test-client";

let server: CaptureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<CaptureServer> {
  server = await startCaptureServer(handler);
  return server;
}

/** A client whose sleeps are recorded and instant, with jitter fixed at 0.5. */
function recordingClient(
  url: string,
  options: AmazonPayClientOptions = {},
  config: Partial<AmazonPayConfigInput> = {},
) {
  const sleeps: number[] = [];
  const logs: AmazonPayLogEntry[] = [];
  let tick = 0;
  const { client, keys } = testClient(url, config, {
    retry: {
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      attemptTimeoutMs: 2_000,
      maxTotalTimeMs: 60_000,
    },
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now: () => new Date(Date.UTC(2024, 0, 1, 12, 0, tick++)),
    log: (entry) => logs.push(entry),
    ...options,
  });
  return { client, keys, sleeps, logs };
}

const refundBody = { chargeId: CHARGE_ID, refundAmount: { amount: "1.00", currencyCode: "USD" } };

describe("retry policy", () => {
  it("classifies statuses: 408, 425, 429 and 5xx are transient", () => {
    expect([408, 425, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 409, 422, 426].some(isRetryableStatus)).toBe(false);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
});

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

describe("timeouts and dropped connections", () => {
  it("an attempt that exceeds its timeout is aborted and retried", async () => {
    const s = await serve((_req, res, i) => {
      if (i > 0) sendJson(res, 200, chargeResponse());
    });
    const { client, logs } = recordingClient(s.url, {
      retry: { maxAttempts: 3, attemptTimeoutMs: 500, baseDelayMs: 1 },
    });
    const result = await client.charges.get(CHARGE_ID);
    expect(result.attempts).toBe(2);
    expect(logs.map((l) => [l.outcome, l.errorKind])).toEqual([
      ["retrying", "timeout"],
      ["success", null],
    ]);
  });

  it("every attempt timing out ends in a retryable timeout error", async () => {
    const s = await serve(() => undefined);
    const { client } = recordingClient(s.url, {
      retry: { maxAttempts: 2, attemptTimeoutMs: 50, baseDelayMs: 1 },
    });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "timeout",
      retryable: true,
      attempts: 2,
      message: expect.stringMatching(/timed out after 50 ms/) as unknown,
    });
    expect(s.requests).toHaveLength(2);
  });

  it("a connection dropped before the response is retried", async () => {
    const s = await serve((_req, res, i) => {
      if (i === 0) res.socket?.destroy();
      else sendJson(res, 201, refundResponse());
    });
    const { client, logs } = recordingClient(s.url);
    const result = await client.refunds.create(refundBody, { idempotencyKey: "drop-1" });
    expect(result.attempts).toBe(2);
    expect(s.requests.map((r) => r.headers["x-amz-pay-idempotency-key"])).toEqual(["drop-1", "drop-1"]);
    expect(logs[0]).toMatchObject({ outcome: "retrying", errorKind: "network", status: null });
  });

  it("a connection dropped in the middle of the response body is retried", async () => {
    const s = await serve((_req, res, i) => {
      if (i > 0) return sendJson(res, 200, chargeResponse());
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"chargeId":"S01-');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const { client } = recordingClient(s.url);
    expect((await client.charges.get(CHARGE_ID)).attempts).toBe(2);
  });

  it("connection refused is retried, then reported as a retryable network error", async () => {
    const s = await serve(() => undefined);
    const { url } = s;
    await s.close();
    server = undefined;
    const { client } = recordingClient(url);
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "network",
      retryable: true,
      attempts: 3,
      message: expect.stringMatching(/ECONNREFUSED/) as unknown,
    });
  });

  it("keeps TLS verification on: a self-signed emulator is refused, once, with a clear error", async () => {
    const https = createHttpsServer(selfSignedCertificate(), (_req, res) =>
      sendJson(res, 200, chargeResponse()),
    );
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = https.address() as AddressInfo;
      const { client } = recordingClient(`https://127.0.0.1:${port}`);
      await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
        kind: "network",
        retryable: false,
        attempts: 1,
        message: expect.stringMatching(/TLS certificate verification failed/) as unknown,
      });
      expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });
});

describe("bounds", () => {
  it("stops retrying when the next attempt could not start within maxTotalTimeMs", async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 503, { reasonCode: "ServiceUnavailable", message: "" }),
    );
    let clock = 0;
    const sleeps: number[] = [];
    const { client } = testClient(
      s.url,
      {},
      {
        retry: { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 100_000, maxTotalTimeMs: 5_000 },
        random: () => 0.9999,
        monotonicNow: () => clock,
        sleep: (ms) => {
          sleeps.push(ms);
          clock += ms;
          return Promise.resolve();
        },
      },
    );
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "api",
      status: 503,
      retryable: true,
      attempts: 3,
    });
    expect(sleeps).toEqual([999, 1_999]);
    expect(s.requests).toHaveLength(3);
  });

  it("caps an attempt's timeout by the time left of maxTotalTimeMs", async () => {
    const s = await serve(() => undefined);
    const { client } = testClient(
      s.url,
      {},
      { retry: { maxAttempts: 5, attemptTimeoutMs: 60_000, maxTotalTimeMs: 150 } },
    );
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "timeout",
      attempts: 1,
      message: expect.stringMatching(/timed out after 1[45]\d ms/) as unknown,
    });
  });

  it("a caller abort during the backoff stops at once", async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 503, { reasonCode: "ServiceUnavailable", message: "" }),
    );
    const { client } = testClient(
      s.url,
      {},
      {
        retry: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
        random: () => 0.5,
        sleep: undefined,
      },
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.charges.get(CHARGE_ID, { signal: controller.signal })).rejects.toMatchObject({
      kind: "aborted",
      attempts: 1,
    });
    expect(s.requests).toHaveLength(1);
  });
});

describe("logging hook", () => {
  it("logs each attempt with operation, status, reasonCode, request id, duration, attempt and key", async () => {
    const s = await serve((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { reasonCode: "TooManyRequests", message: "" }, { "x-amz-pay-request-id": "r1" })
        : sendJson(res, 201, refundResponse(), { "x-amz-pay-request-id": "r2" }),
    );
    const { client, logs } = recordingClient(s.url);
    await client.refunds.create(refundBody, { idempotencyKey: "log-1" });
    expect(logs).toEqual([
      expect.objectContaining({
        operation: "createRefund",
        method: "POST",
        path: "/v2/refunds",
        attempt: 1,
        outcome: "retrying",
        status: 429,
        reasonCode: "TooManyRequests",
        requestId: "r1",
        idempotencyKey: "log-1",
        errorKind: "api",
        retryInMs: 50,
      }),
      expect.objectContaining({
        operation: "createRefund",
        method: "POST",
        path: "/v2/refunds",
        attempt: 2,
        outcome: "success",
        status: 201,
        reasonCode: null,
        requestId: "r2",
        idempotencyKey: "log-1",
        errorKind: null,
        retryInMs: null,
      }),
    ]);
    expect(logs.every((l) => typeof l.durationMs === "number" && l.durationMs >= 0)).toBe(true);
    expect(logs[0]).not.toHaveProperty("requestBody");
  });

  it("redacts the buyer token in the path and buyer data in logged bodies", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, buyerResponse()));
    const { client, logs } = recordingClient(s.url, { logBodies: true });
    await client.buyers.get("SECRET-BUYER-TOKEN");
    expect(logs[0]?.path).toBe(`/v2/buyers/${REDACTED}`);
    expect(logs[0]?.responseBody).toMatchObject({ buyerId: REDACTED, email: REDACTED, countryCode: "US" });
    expect(JSON.stringify(logs)).not.toMatch(/SECRET-BUYER-TOKEN|testemail|Test Buyer|AMZN-PAY-RSASSA/);
  });

  it("includes the redacted request body with logBodies, and a throwing logger changes nothing", async () => {
    const s = await serve((_req, res) => sendJson(res, 201, refundResponse()));
    const { client, logs } = recordingClient(s.url, { logBodies: true });
    await client.refunds.create(refundBody);
    expect(logs[0]?.requestBody).toEqual({
      chargeId: CHARGE_ID,
      refundAmount: { amount: "1.00", currencyCode: "USD" },
    });
    const throwing = recordingClient(s.url, {
      log: () => {
        throw new Error("logger down");
      },
    });
    await expect(throwing.client.refunds.create(refundBody)).resolves.toMatchObject({ status: 201 });
  });
});
