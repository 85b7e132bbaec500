// Test helpers: an emulator on a free port, a merchant key pair, signed API calls, and the hosted
// page steps a buyer's browser performs.
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { signButtonPayload, signRequest, type SigningAlgorithm } from "@storefront/amazon-pay/signing";
import { startEmulator, TEST_BUYERS, type RunningEmulator, type StartEmulatorOptions } from "../src/index";
import type { MerchantRecord } from "../src/core/merchants";

export interface TestMerchant {
  publicKeyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
  record: MerchantRecord;
}

let cachedKeys: { privateKey: KeyObject; publicKeyPem: string }[] = [];

/** RSA 2048 pairs are slow to make; tests share a few. */
export function keyPair(index = 0): { privateKey: KeyObject; publicKeyPem: string } {
  while (cachedKeys.length <= index) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    cachedKeys = [
      ...cachedKeys,
      { privateKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() },
    ];
  }
  return cachedKeys[index]!;
}

export async function startTestEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    dataDir: null,
    quiet: true,
    log: () => {},
    ...options,
    config: {
      asyncDelayMs: 200,
      ...options.config,
      ipn: {
        retryDelayMs: 20,
        retryBackoffFactor: 2,
        timeoutMs: 2_000,
        sendSubscriptionConfirmation: false,
        ...options.config?.ipn,
      },
    },
  });
}

export function addMerchant(
  running: RunningEmulator,
  options: {
    publicKeyId?: string;
    keyIndex?: number;
    ipnUrl?: string;
    merchantId?: string;
    region?: MerchantRecord["region"];
    ledgerCurrency?: MerchantRecord["ledgerCurrency"];
  } = {},
): TestMerchant {
  const keys = keyPair(options.keyIndex ?? 0);
  const publicKeyId =
    options.publicKeyId ?? `SANDBOX-${randomUUID().replace(/-/g, "").slice(0, 24).toUpperCase()}`;
  const record = running.registerMerchant({
    publicKeyId,
    publicKey: keys.publicKeyPem,
    ipnUrl: options.ipnUrl,
    merchantId: options.merchantId,
    region: options.region,
    ledgerCurrency: options.ledgerCurrency,
  });
  return { publicKeyId, privateKey: keys.privateKey, publicKeyPem: keys.publicKeyPem, record };
}

export interface SignedCall {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  rawBody?: string;
  idempotencyKey?: string | null;
  simulationCode?: string;
  algorithm?: SigningAlgorithm;
  headers?: Record<string, string>;
  date?: string;
  /** Default: every header sent. */
  signHeaders?: string[];
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  running: RunningEmulator,
  merchant: TestMerchant,
  c: SignedCall,
): Promise<CallResult<T>> {
  const url = new URL(c.path, running.url);
  const body =
    c.rawBody ?? (c.body === undefined ? (c.method === "GET" ? "" : "{}") : JSON.stringify(c.body));
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date":
      c.date ??
      new Date()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z")
        .replace(/[-:]/g, ""),
    "x-amz-pay-host": url.host,
    "x-amz-pay-region": merchant.record.region,
    ...(c.method === "POST" && c.idempotencyKey !== null
      ? { "x-amz-pay-idempotency-key": c.idempotencyKey ?? randomUUID().replace(/-/g, "") }
      : {}),
    ...(c.simulationCode ? { "x-amz-pay-simulation-code": c.simulationCode } : {}),
    ...c.headers,
  };
  const { authorization } = signRequest({
    method: c.method,
    url,
    headers,
    signHeaders: c.signHeaders,
    body,
    publicKeyId: merchant.publicKeyId,
    privateKey: merchant.privateKey,
    algorithm: c.algorithm ?? "AMZN-PAY-RSASSA-PSS-V2",
  });
  const response = await fetch(url, {
    method: c.method,
    headers: { ...headers, authorization },
    body: c.method === "GET" ? undefined : body,
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

export const emulatorJson = async <T = Record<string, unknown>>(
  running: RunningEmulator,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<CallResult<T>> => {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
};

export function buttonConfig(
  merchant: TestMerchant,
  payload: unknown,
  algorithm: SigningAlgorithm = "AMZN-PAY-RSASSA-PSS-V2",
) {
  const payloadJSON = JSON.stringify(payload);
  return {
    payloadJSON,
    signature: signButtonPayload(payloadJSON, merchant.privateKey, algorithm),
    publicKeyId: merchant.publicKeyId,
    algorithm,
  };
}

export async function postForm(
  running: RunningEmulator,
  path: string,
  fields: Record<string, string | undefined>,
  cookie?: string,
): Promise<Response> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
  return fetch(`${running.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: form.toString(),
    redirect: "manual",
  });
}

export const REVIEW_URL = "https://shop.example/checkout/review?step=review";
export const RESULT_URL = "https://shop.example/checkout/result";

export function sessionIdFrom(location: string | null): string {
  const id = new URL(location ?? "", "http://x").searchParams.get("amazonCheckoutSessionId");
  if (!id) throw new Error(`no amazonCheckoutSessionId in ${location}`);
  return id;
}

/** Clicks the button: the signed payload goes to the emulator, which answers with the hosted page. */
export async function clickButton(
  running: RunningEmulator,
  merchant: TestMerchant,
  payload: unknown,
  extra: Record<string, string> = {},
): Promise<string> {
  const config = buttonConfig(merchant, payload);
  const response = await postForm(running, "/checkout/start", {
    ...config,
    merchantId: merchant.record.merchantId,
    ...extra,
  });
  if (response.status !== 303)
    throw new Error(`button start failed: ${response.status} ${await response.text()}`);
  return sessionIdFrom(response.headers.get("location"));
}

export const BUYERS = {
  ava: TEST_BUYERS[0]!.buyerId,
  ben: TEST_BUYERS[1]!.buyerId,
  chloe: TEST_BUYERS[2]!.buyerId,
};

/** The buyer submits the hosted page; returns where the emulator sends the browser. */
export async function chooseOnHostedPage(
  running: RunningEmulator,
  sessionId: string,
  choice: { buyerId?: string; addressId?: string; paymentMethodId?: string } = {},
): Promise<string> {
  const response = await postForm(running, "/checkout", {
    amazonCheckoutSessionId: sessionId,
    buyerId: choice.buyerId ?? BUYERS.ava,
    addressId: choice.addressId ?? "ava-home",
    paymentMethodId: choice.paymentMethodId ?? "visa-1111",
  });
  if (response.status !== 303)
    throw new Error(`hosted page refused: ${response.status} ${await response.text()}`);
  return response.headers.get("location") ?? "";
}

export async function visit(url: string): Promise<Response> {
  return fetch(url, { redirect: "manual" });
}

/** Polls until `check` holds (async settlement, IPN delivery). */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
