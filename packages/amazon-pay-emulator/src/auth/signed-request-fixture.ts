// Requests signed for the verifier's tests: a fresh key pair for one test merchant, a fixed clock,
// and a builder that signs a request exactly like the client does.
import { generateKeyPairSync } from "node:crypto";
import { signRequest, type SigningAlgorithm } from "@storefront/amazon-pay/signing";
import { ApiError } from "../core/api-error";
import type { MerchantRecord } from "../core/merchants";
import { verifyRequest, type RequestToVerify } from "./verify-request";

export const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
export const KEY_ID = "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B";
export const record: MerchantRecord = {
  publicKeyId: KEY_ID,
  publicKey: "",
  merchantId: "A2K7NDRMCETORT",
  storeId: "s",
  ipnUrl: null,
  region: "na",
  ledgerCurrency: "USD",
  createdAt: "",
  updatedAt: "",
};
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export const deps = (overrides: Partial<Parameters<typeof verifyRequest>[1]> = {}) => ({
  merchant: (id: string) => (id === KEY_ID ? { record, key: publicKey } : undefined),
  maxSkewSeconds: 900,
  signatureErrorStatus: 401,
  realNow: () => NOW,
  ...overrides,
});

export const basicDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
export const extendedDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export interface Build {
  method?: string;
  path?: string;
  body?: string;
  algorithm?: SigningAlgorithm;
  headers?: Record<string, string>;
  signHeaders?: string[];
}

export function build(b: Build = {}): RequestToVerify {
  const method = b.method ?? "POST";
  const url = new URL(`http://127.0.0.1:4010${b.path ?? "/v2/checkoutSessions"}`);
  const body = b.body ?? '{"storeId":"s"}';
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": basicDate(NOW),
    "x-amz-pay-host": "127.0.0.1:4010",
    "x-amz-pay-region": "na",
    "x-amz-pay-idempotency-key": "abc123",
    ...b.headers,
  };
  const { authorization } = signRequest({
    method,
    url,
    headers,
    signHeaders: b.signHeaders,
    body,
    publicKeyId: KEY_ID,
    privateKey,
    algorithm: b.algorithm ?? "AMZN-PAY-RSASSA-PSS-V2",
  });
  return {
    method,
    rawPath: url.pathname,
    query: url.searchParams,
    headers: { ...headers, authorization },
    body: Buffer.from(body),
  };
}

export function rejection(req: RequestToVerify, d = deps()): ApiError {
  try {
    verifyRequest(req, d);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the request was accepted");
}
