// Appends the TCP peer's address to X-Forwarded-For on every request this server process
// receives, before Next.js sees it. Next.js fills the header from the socket only when the client
// sent none, so a client could otherwise name any address it likes; with this, the last entry is
// always the machine that really connected (see ./client-address.ts). Node.js publishes every
// incoming request on the "http.server.request.start" diagnostics channel before its handler runs.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

const INSTALLED = Symbol.for("amazon-pay-next-storefront/peer-address");

/** Appends `peer` to an X-Forwarded-For value (string, list, or absent). */
export function withPeerAppended(forwarded: string | string[] | undefined, peer: string): string {
  const previous = (Array.isArray(forwarded) ? forwarded.join(", ") : (forwarded ?? "")).trim();
  return previous ? `${previous}, ${peer}` : peer;
}

function onRequestStart(message: unknown): void {
  const { request, socket } = message as RequestStart;
  const peer = socket?.remoteAddress;
  if (!request?.headers || !peer) return;
  request.headers["x-forwarded-for"] = withPeerAppended(request.headers["x-forwarded-for"], peer);
}

/** Once per process; later calls do nothing. */
export function installPeerAddressForwarding(): void {
  const registry = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  diagnosticsChannel.subscribe("http.server.request.start", onRequestStart);
}
