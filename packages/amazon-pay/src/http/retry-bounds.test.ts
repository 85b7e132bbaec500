// The transport's bounds: total time across retries, the last attempt's timeout, caller aborts.
import { describe, expect, it } from "vitest";
import { sendJson } from "../test-fixtures/capture-server";
import { serverPerTest } from "../test-fixtures/recording-client";
import { CHARGE_ID } from "../test-fixtures/responses";
import { testClient } from "../test-fixtures/test-client";

const serve = serverPerTest();

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
