// The transport against a local server: attempts that time out, connections dropped or refused,
// and TLS verification.
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { sendJson } from "../test-fixtures/capture-server";
import { recordingClient, refundBody, serverPerTest } from "../test-fixtures/recording-client";
import { chargeResponse, refundResponse, CHARGE_ID } from "../test-fixtures/responses";
import { selfSignedCertificate } from "../test-fixtures/self-signed";

const serve = serverPerTest();

describe("timeouts and dropped connections", () => {
  it("an attempt that exceeds its timeout is aborted and retried", async () => {
    const s = await serve((_req, res, i) => {
      if (i > 0) sendJson(res, 200, chargeResponse());
    });
    const { client, logs } = recordingClient(s.url, {
      retry: { maxAttempts: 3, attemptTimeoutMs: 1_000, baseDelayMs: 1 },
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
      retry: { maxAttempts: 2, attemptTimeoutMs: 300, baseDelayMs: 1 },
    });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "timeout",
      retryable: true,
      attempts: 2,
      message: expect.stringMatching(/timed out after 300 ms/) as unknown,
    });
    // The second attempt may time out before a busy server has read its request.
    await expect.poll(() => s.requests.length).toBe(2);
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
