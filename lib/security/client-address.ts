// Who is asking: the client address that rate limits and the merchant sign-in lockout count
// against. Read from X-Forwarded-For, where this server appends the TCP peer's address itself
// (./peer-address.ts), so its last entry is always the machine that connected. Behind reverse
// proxies that append to the header (load balancers, CDNs), TRUSTED_PROXY_HOPS says how many of
// the last entries are theirs: the entry before them is the client. A deployment with proxies in
// front must not be reachable around them, or a client could write its own entries.

const MAX_ENTRIES = 50;

/** One address as a stable key: IPv4-mapped IPv6 and IPv4 ports removed, lower case. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address);
  if (ipv4WithPort) address = ipv4WithPort[1]!;
  if (address.startsWith("::ffff:") && /^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/.test(address))
    address = address.slice("::ffff:".length);
  return address.slice(0, 64) || "unknown";
}

/** The client's address, `trustedHops` proxies counted from the right of X-Forwarded-For. */
export function clientAddress(headers: Headers, trustedHops: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .slice(-MAX_ENTRIES);
  if (chain.length === 0) return "unknown";
  // A chain shorter than the configured proxies: the request came in past them (or no proxy
  // appended); its first entry is the best there is.
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalizeAddress(chain[index]!);
}
