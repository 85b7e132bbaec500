// Small HTTP helpers: reading bodies, JSON/HTML/redirect answers, CORS, and the per-request note
// the access log reads (reasonCode).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../core/api-error";
import { newRequestId } from "../core/ids";

const MAX_BODY_BYTES = 1_048_576;

export interface RequestNote {
  requestId: string;
  reasonCode?: string;
}

const notes = new WeakMap<ServerResponse, RequestNote>();

export function noteOf(res: ServerResponse): RequestNote {
  let note = notes.get(res);
  if (!note) {
    note = { requestId: newRequestId() };
    notes.set(res, note);
  }
  return note;
}

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function baseHeaders(res: ServerResponse, contentType: string): Record<string, string> {
  return {
    "content-type": contentType,
    "x-amz-pay-request-id": noteOf(res).requestId,
    "cache-control": "no-store",
  };
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...baseHeaders(res, contentType),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendJsonText(
  res: ServerResponse,
  status: number,
  json: string,
  headers: Record<string, string> = {},
): void {
  const reason = status >= 400 ? /"reasonCode":"([^"]*)"/.exec(json)?.[1] : undefined;
  if (reason) noteOf(res).reasonCode = reason;
  sendText(res, status, json, "application/json", headers);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, error.toBody(), headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, reasonCode?: string): void {
  if (reasonCode) noteOf(res).reasonCode = reasonCode;
  sendText(res, status, html, "text/html; charset=utf-8", {
    "content-security-policy":
      "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
  });
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, {
    location,
    "x-amz-pay-request-id": noteOf(res).requestId,
    "cache-control": "no-store",
  });
  res.end();
}

/** CORS for checkout.js and the JSON endpoints it calls: any origin, with credentials (sign-out cookie). */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    "access-control-allow-origin": origin ?? "*",
    ...(origin ? { "access-control-allow-credentials": "true", vary: "Origin" } : {}),
    "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": "content-type",
    "access-control-max-age": "600",
  };
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, { ...corsHeaders(req), "x-amz-pay-request-id": noteOf(res).requestId });
  res.end();
}

/** Parses a JSON body; empty means {}. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "InvalidRequestFormat", "The request body is not valid JSON.");
  }
}

export function parseFormBody(body: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
