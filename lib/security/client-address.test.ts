import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";
import { installPeerAddressForwarding, withPeerAppended } from "./peer-address";

const forwarded = (value: string | null) => new Headers(value === null ? {} : { "x-forwarded-for": value });

describe("client address", () => {
  it("without trusted proxies is the last entry: the peer this server appended", () => {
    expect(clientAddress(forwarded("198.51.100.7, 127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(forwarded("203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("behind N trusted proxies is the entry before theirs, whatever the client wrote first", () => {
    const chain = "6.6.6.6, 7.7.7.7, 198.51.100.7, 10.0.0.2, 127.0.0.1";
    expect(clientAddress(forwarded(chain), 2)).toBe("198.51.100.7");
    expect(clientAddress(forwarded(chain), 1)).toBe("10.0.0.2");
  });

  it("falls back to the first entry when the chain is shorter than the trusted proxies", () => {
    expect(clientAddress(forwarded("127.0.0.1"), 1)).toBe("127.0.0.1");
    expect(clientAddress(forwarded(null), 0)).toBe("unknown");
    expect(clientAddress(forwarded(" , ,"), 0)).toBe("unknown");
  });

  it("writes one address one way", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("203.0.113.5:41234")).toBe("203.0.113.5");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
  });
});

describe("peer address forwarding", () => {
  let url = "";
  const server = createServer((request, response) => {
    response.end(
      clientAddress(new Headers({ "x-forwarded-for": String(request.headers["x-forwarded-for"]) }), 0),
    );
  });
  beforeAll(async () => {
    installPeerAddressForwarding();
    installPeerAddressForwarding(); // twice is once
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a client cannot name its own address: the real peer is appended after whatever it sent", async () => {
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
    expect(await (await fetch(url, { headers: { "x-forwarded-for": "203.0.113.66" } })).text()).toBe(
      "127.0.0.1",
    );
  });

  it("appends to lists and absent values alike", () => {
    expect(withPeerAppended(undefined, "::1")).toBe("::1");
    expect(withPeerAppended(["a", "b"], "c")).toBe("a, b, c");
    expect(withPeerAppended("a", "c")).toBe("a, c");
  });
});
