// A local node:http server that records every request and answers through a handler, plus
// server-side verification of the Amazon Pay signature with signing.ts.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { type KeyObject } from "node:crypto";
import {
  canonicalRequest,
  parseAuthorization,
  stringToSign,
  verifyString,
  type AuthorizationParts,
} from "../signing";

export interface CapturedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (
  request: CapturedRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) output[name] = Array.isArray(value) ? value.join(", ") : value;
  return output;
}

export async function startCaptureServer(handler: Handler): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const captured = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: flatten(req.headers),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(captured);
      Promise.resolve(handler(captured, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "x-amz-pay-request-id": `req-${status}-${Date.now()}`,
    ...headers,
  });
  response.end(text);
}

/** Verifies a captured request exactly as the sandbox (and Amazon) would. */
export function verifyCapturedSignature(
  request: CapturedRequest,
  publicKey: KeyObject,
): { valid: boolean; authorization: AuthorizationParts | null } {
  const authorization = parseAuthorization(request.headers.authorization);
  if (!authorization) return { valid: false, authorization };
  const url = new URL(request.url, "http://placeholder");
  const canonical = canonicalRequest({
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    signedHeaders: authorization.signedHeaders,
    body: request.body,
  });
  const valid = verifyString(
    authorization.algorithm,
    stringToSign(authorization.algorithm, canonical),
    authorization.signature,
    publicKey,
  );
  return { valid, authorization };
}
