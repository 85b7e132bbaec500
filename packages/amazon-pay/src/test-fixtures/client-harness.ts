// Helpers of the client tests: one capture server per test file that answers with a replaceable
// `reply`, and the check that an operation sent the right request, signed, and parsed the answer.
import { afterAll, beforeAll, expect } from "vitest";
import { type AmazonPayClient, type AmazonPayResult } from "../client";
import { parseAmzDate } from "../signing/amz-date";
import { type SigningAlgorithm } from "../signing/algorithms";
import {
  sendJson,
  startCaptureServer,
  verifyCapturedSignature,
  type CaptureServer,
  type CapturedRequest,
} from "./capture-server";
import { testClient } from "./test-client";

export type Reply = (request: CapturedRequest) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

export interface CaptureHarness {
  /** Started in beforeAll; read it inside tests only. */
  readonly server: CaptureServer;
  reply: Reply;
  lastRequest(): CapturedRequest;
}

/** Registers beforeAll/afterAll hooks that start and close a capture server for this file. */
export function captureServerPerFile(): CaptureHarness {
  let server: CaptureServer | undefined;
  const harness: CaptureHarness = {
    get server() {
      if (!server) throw new Error("the capture server is not running");
      return server;
    },
    reply: () => ({ status: 200, body: {} }),
    lastRequest() {
      const request = harness.server.requests.at(-1);
      if (!request) throw new Error("no request was made");
      return request;
    },
  };
  beforeAll(async () => {
    server = await startCaptureServer((request, response) => {
      const { status, body, headers } = harness.reply(request);
      sendJson(response, status, body, { "x-amz-pay-request-id": "amzn-request-1", ...headers });
    });
  });
  afterAll(() => server?.close());
  return harness;
}

export interface OperationCase {
  name: string;
  call: (client: AmazonPayClient) => Promise<AmazonPayResult<unknown>>;
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: () => unknown;
  idempotencyKey?: string;
}

export const usd = (amount: string) => ({ amount, currencyCode: "USD" });

/** Runs the operation against the harness and checks the request, its signature and the result. */
export async function expectSignedOperation(
  capture: CaptureHarness,
  operation: OperationCase,
  algorithm: SigningAlgorithm,
): Promise<void> {
  const { server } = capture;
  const { client, keys } = testClient(server.url, { algorithm });
  capture.reply = () => ({ status: operation.status, body: operation.response() });
  const result = await operation.call(client);
  const request = capture.lastRequest();

  expect(request.method).toBe(operation.method);
  expect(request.url).toBe(operation.path);
  expect(request.body === "" ? "" : JSON.parse(request.body)).toEqual(operation.body);
  expect(request.headers).toMatchObject({
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-host": new URL(server.url).host,
    "x-amz-pay-region": "na",
  });
  expect(parseAmzDate(request.headers["x-amz-pay-date"] ?? "")).not.toBeNull();
  expect(request.headers["x-amz-pay-idempotency-key"]).toBe(operation.idempotencyKey);

  const { valid, authorization } = verifyCapturedSignature(request, keys.publicKey);
  expect(valid).toBe(true);
  expect(authorization).toMatchObject({ algorithm, publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B" });
  expect(authorization?.signedHeaders).toEqual([
    "accept",
    "content-type",
    "x-amz-pay-date",
    "x-amz-pay-host",
    ...(operation.idempotencyKey ? ["x-amz-pay-idempotency-key"] : []),
    "x-amz-pay-region",
  ]);

  expect(result).toMatchObject({
    status: operation.status,
    requestId: "amzn-request-1",
    idempotencyKey: operation.idempotencyKey ?? null,
    attempts: 1,
  });
  expect(result.data).toMatchObject(JSON.parse(JSON.stringify(operation.response())) as object);
}
