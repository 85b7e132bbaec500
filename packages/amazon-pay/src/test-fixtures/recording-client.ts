// Helpers of the transport tests: local capture servers closed after each test, and a client
// whose sleeps are recorded and instant, with jitter fixed at 0.5.
import { afterEach } from "vitest";
import { type AmazonPayClientOptions } from "../client";
import { type AmazonPayConfigInput } from "../config";
import { type AmazonPayLogEntry } from "../http/log-entry";
import { startCaptureServer, type CaptureServer, type Handler } from "./capture-server";
import { CHARGE_ID } from "./responses";
import { testClient } from "./test-client";

/** Registers an afterEach that closes every server the returned function started. */
export function serverPerTest(): (handler: Handler) => Promise<CaptureServer> {
  const open: CaptureServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startCaptureServer(handler);
    open.push(server);
    return server;
  };
}

/** A client whose sleeps are recorded and instant, with jitter fixed at 0.5. */
export function recordingClient(
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

export const refundBody = { chargeId: CHARGE_ID, refundAmount: { amount: "1.00", currencyCode: "USD" } };
