// The emulator's HTTP server: one node:http server for the API, the hosted pages, checkout.js and
// the /__emulator endpoints, with one access-log line per request; optionally a second, TLS
// listener serving the same routes (for clients that only speak https, such as the official SDKs).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { epochNow } from "../core/api-call-log";
import { ApiError } from "../core/api-error";
import type { ConfigPatch } from "../core/config";
import type { MerchantRegistration } from "../core/merchants";
import { merchantRegistrationSchema, type MerchantRecord } from "../core/merchants";
import { Emulator } from "../emulator";
import { API_PATH, handleApi } from "./api";
import { handleDev } from "./dev";
import { handleDisputeRoute } from "./dispute-routes";
import { handleDocumentRoute } from "./document-routes";
import { handlePage } from "./pages";
import { BodyTooLarge, noteOf, readBody, sendError } from "./respond";

export interface StartEmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Folder for merchants.json and the SNS signing key; default ".data/emulator"; null keeps them in memory. */
  dataDir?: string | null;
  /** Origin used in URLs the emulator hands out (amazonPayRedirectUrl, SigningCertURL); default http://host:port. */
  publicUrl?: string;
  config?: ConfigPatch;
  /** No access log. */
  quiet?: boolean;
  log?: (line: string) => void;
  /** Keys to register at start (as POST /__emulator/merchants). */
  merchants?: MerchantRegistration[];
  /** Also listen with TLS (PEM key and certificate) on `port` (default 0, any free port). */
  tls?: { key: string; cert: string; port?: number };
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** Port of the TLS listener, when one was asked for. */
  tlsPort: number | null;
  emulator: Emulator;
  server: Server;
  registerMerchant(registration: MerchantRegistration): MerchantRecord;
  close(): Promise<void>;
}

async function route(sb: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawUrl = req.url ?? "/";
  const queryAt = rawUrl.indexOf("?");
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? "" : rawUrl.slice(queryAt + 1));
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge)
      return sendError(res, new ApiError(413, "InvalidRequest", error.message));
    throw error;
  }
  if (API_PATH.test(rawPath) || /^\/live\//.test(rawPath))
    return handleApi(sb, req, res, rawPath, query, body);
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    pathname = rawPath;
  }
  if (handleDocumentRoute(sb, req, res, pathname, query, body)) return;
  if (handleDisputeRoute(sb, req, res, pathname, body)) return;
  if (handleDev(sb, req, res, pathname, query, body)) return;
  if (await handlePage(sb, req, res, pathname, query, body)) return;
  if (pathname === "/" && req.method === "GET") {
    res.writeHead(302, { location: "/__emulator", "x-amz-pay-request-id": noteOf(res).requestId });
    res.end();
    return;
  }
  sendError(res, new ApiError(404, "ResourceNotFound", `Nothing at ${req.method ?? "GET"} ${pathname}.`));
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function requestListener(sb: Emulator, options: { quiet?: boolean }): Listener {
  return (req, res) => {
    const started = performance.now();
    const startedAt = epochNow();
    res.on("close", () => {
      const note = noteOf(res);
      const durationMs = performance.now() - started;
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (API_PATH.test(path) || path.startsWith("/live/")) {
        sb.apiCalls.record({
          method: req.method ?? "GET",
          path,
          status: res.headersSent ? res.statusCode : 0,
          ...(note.reasonCode ? { reasonCode: note.reasonCode } : {}),
          startedAt,
          durationMs,
        });
      }
      if (options.quiet) return;
      const status = res.headersSent ? String(res.statusCode) : "dropped";
      sb.log(
        `${req.method} ${req.url} ${status}${note.reasonCode ? ` ${note.reasonCode}` : ""} ${durationMs.toFixed(1)}ms`,
      );
    });
    route(sb, req, res).catch((error: unknown) => {
      sb.log(
        `[emulator] internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent)
        sendError(
          res,
          new ApiError(500, "InternalServerError", "The emulator hit an internal error; see its log."),
        );
      else res.destroy();
    });
  };
}

export function createEmulatorServer(sb: Emulator, options: { quiet?: boolean } = {}): Server {
  const server = createServer(requestListener(sb, options));
  server.keepAliveTimeout = 30_000;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/** Starts the emulator on host:port (port 0 allowed) and resolves once it listens. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const sb = new Emulator({
    dataDir: options.dataDir === undefined ? ".data/emulator" : options.dataDir,
    config: options.config,
    log: options.log,
  });
  const server = createEmulatorServer(sb, { quiet: options.quiet });
  const port = await listen(server, options.port ?? 4010, host);
  const tlsServer = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, requestListener(sb, options))
    : null;
  const tlsPort = tlsServer ? await listen(tlsServer, options.tls?.port ?? 0, host) : null;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = (options.publicUrl ?? `http://${urlHost}:${port}`).replace(/\/+$/, "");
  sb.publicUrl = url;
  const registerMerchant = (registration: MerchantRegistration) => {
    const { record, ipnUrlChanged } = sb.merchants.register(merchantRegistrationSchema.parse(registration));
    if (ipnUrlChanged) sb.ipnUrlSet(record);
    return record;
  };
  for (const registration of options.merchants ?? []) registerMerchant(registration);
  return {
    url,
    port,
    tlsPort,
    emulator: sb,
    server,
    registerMerchant,
    close: async () => {
      sb.stop();
      await Promise.all([closeServer(server), ...(tlsServer ? [closeServer(tlsServer)] : [])]);
    },
  };
}
