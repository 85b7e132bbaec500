// What the emulator's IPN dispatcher writes to the console: not every failed attempt to a receiver
// that was not listening yet (the shop still starting), but giving up, once, and failures of a
// receiver that answers with errors or that answered before. Retries are unchanged.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type IpnConfig } from "../core/config";
import { loadSigningIdentity } from "./certificate";
import { IpnDispatcher } from "./dispatcher";

const identity = loadSigningIdentity(null);
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A free port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function listen(port: number, statuses: number[]): Promise<void> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(statuses.shift() ?? 200).end());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
}

function dispatcherFor(url: string, ipn: Partial<IpnConfig> = {}) {
  const lines: string[] = [];
  const config = {
    ...DEFAULT_CONFIG.ipn,
    timeoutMs: 1000,
    maxAttempts: 4,
    retryDelayMs: 20,
    retryBackoffFactor: 2,
    ...ipn,
  };
  const dispatcher = new IpnDispatcher({
    config: () => config,
    publicUrl: () => "http://127.0.0.1:4010",
    identity,
    ipnUrlOf: () => url,
    takeIpnDrop: () => false,
    log: (line) => lines.push(line),
  });
  const notify = () =>
    dispatcher.notify(
      {
        MerchantID: "AEMULATORMERCHANT",
        ObjectType: "CHARGE",
        ObjectId: "S01-0000000-0000000-C000001",
        ChargePermissionId: "S01-0000000-0000000",
        NotificationType: "STATE_CHANGE",
      },
      "Captured",
    )!;
  return { dispatcher, lines, notify };
}

describe("IPN delivery log", () => {
  it("is silent while a receiver that never answered is not listening yet, and delivery still succeeds", async () => {
    const port = await freePort();
    const { dispatcher, lines, notify } = dispatcherFor(`http://127.0.0.1:${port}/ipn`, {
      retryDelayMs: 150,
    });
    const record = notify();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first attempt is refused
    await listen(port, []);
    await dispatcher.idle();
    expect(record.status).toBe("delivered");
    expect(record.attempts.length).toBeGreaterThan(1);
    expect(lines).toEqual([]);
  });

  it("says once that it gave up on a receiver that never answered, after every retry", async () => {
    const url = `http://127.0.0.1:${await freePort()}/ipn`;
    const { dispatcher, lines, notify } = dispatcherFor(url);
    const record = notify();
    await dispatcher.idle();
    expect(record.status).toBe("failed");
    expect(record.attempts).toHaveLength(4);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^\\[emulator\\] IPN ${record.id} to ${url} not delivered after 4 attempts: `),
      ),
    ]);
  });

  it("reports each failed attempt of a receiver that answers with an error", async () => {
    const port = await freePort();
    await listen(port, [500, 503]);
    const { dispatcher, lines, notify } = dispatcherFor(`http://127.0.0.1:${port}/ipn`);
    const record = notify();
    await dispatcher.idle();
    expect(record.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/failed \(attempt 1\/4, will retry\): HTTP 500$/);
  });

  it("reports a receiver that answered before and stopped listening", async () => {
    const port = await freePort();
    await listen(port, []);
    const { dispatcher, lines, notify } = dispatcherFor(`http://127.0.0.1:${port}/ipn`, { maxAttempts: 2 });
    notify();
    await dispatcher.idle();
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    notify();
    await dispatcher.idle();
    expect(lines).toEqual([
      expect.stringMatching(/failed \(attempt 1\/2, will retry\): /),
      expect.stringMatching(/not delivered after 2 attempts: /),
    ]);
  });
});
