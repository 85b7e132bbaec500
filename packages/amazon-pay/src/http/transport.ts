// The transport: one signed HTTP call with a per-attempt timeout, retried by the retry policy
// (bounded in attempts and in total time), each outcome mapped to data or an AmazonPayError, and
// a logging hook. Keys never reach this module: the caller passes an `authorize` function that
// signs the final headers of each attempt.
import { setTimeout as sleepFor } from "node:timers/promises";
import { type z } from "zod";
import { apiUrl, type ApiBase } from "../environment";
import { redact, redactPath } from "../redact";
import { formatAmzDate } from "../signing/amz-date";
import {
  abortedError,
  interpretResponse,
  networkError,
  safeJson,
  timeoutError,
  type AttemptResult,
} from "./error-mapping";
import { type AmazonPayLogEntry, type AmazonPayLogger } from "./log-entry";
import { type HttpMethod } from "./method";
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";

export interface AuthorizeInput {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  signHeaders: string[];
  body: string;
}

export interface TransportOptions {
  base: ApiBase;
  /** Returns the authorization header value for the given final headers. */
  authorize: (input: AuthorizeInput) => string;
  retry?: Partial<RetryPolicy> | undefined;
  fetch?: typeof fetch | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  /** Monotonic milliseconds for durations and the total-time bound. */
  monotonicNow?: (() => number) | undefined;
  /** Wall clock for x-amz-pay-date. */
  now?: (() => Date) | undefined;
  log?: AmazonPayLogger | undefined;
  logBodies?: boolean | undefined;
  userAgent?: string | undefined;
}

export interface TransportRequest<T> {
  operation: string;
  method: HttpMethod;
  /** "/v2/..." without the environment segment. */
  path: string;
  /** Serialized JSON body; none for GET. */
  body?: string | undefined;
  idempotencyKey?: string | undefined;
  /** Extra headers that are sent and signed. */
  signedHeaders?: Record<string, string> | undefined;
  /** Extra headers that are sent but not signed. */
  unsignedHeaders?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  response: z.ZodType<T>;
}

export interface TransportResponse<T> {
  data: T;
  status: number;
  requestId: string | null;
  attempts: number;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  sleepFor(ms, undefined, signal ? { signal } : undefined);

export type Transport = <T>(request: TransportRequest<T>) => Promise<TransportResponse<T>>;

export function createTransport(options: TransportOptions): Transport {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const now = options.now ?? (() => new Date());
  const userAgent = options.userAgent ?? `amazon-pay-next-storefront (Node.js/${process.versions.node})`;

  function log(entry: AmazonPayLogEntry): void {
    if (!options.log) return;
    try {
      options.log(entry);
    } catch {
      // A failing logger must never change the outcome of a payment call.
    }
  }

  async function attemptOnce<T>(
    request: TransportRequest<T>,
    url: URL,
    timeoutMs: number,
  ): Promise<AttemptResult<T>> {
    const { operation, method } = request;
    const body = method === "GET" ? "" : (request.body ?? "{}");
    const headers: Record<string, string> = {
      accept: "application/json",
      "content-type": "application/json",
      "x-amz-pay-date": formatAmzDate(now()),
      "x-amz-pay-host": options.base.host,
      "x-amz-pay-region": options.base.region,
      ...(request.idempotencyKey ? { "x-amz-pay-idempotency-key": request.idempotencyKey } : {}),
      ...request.signedHeaders,
    };
    const authorization = options.authorize({
      method,
      url,
      headers,
      signHeaders: Object.keys(headers),
      body,
    });

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    request.signal?.addEventListener("abort", forwardAbort, { once: true });
    const where = `${method} ${redactPath(url.pathname)}`;
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { ...headers, ...request.unsignedHeaders, "user-agent": userAgent, authorization },
        body: method === "GET" ? undefined : body,
        signal: controller.signal,
        redirect: "manual",
      });
      const text = await response.text();
      const requestId = response.headers.get("x-amz-pay-request-id");
      return interpretResponse(operation, request.response, response.status, requestId, text);
    } catch (error) {
      if (timedOut) return { ok: false, error: timeoutError(operation, where, timeoutMs, error) };
      if (request.signal?.aborted)
        return { ok: false, error: abortedError(operation, request.signal.reason) };
      return { ok: false, error: networkError(operation, where, error) };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", forwardAbort);
    }
  }

  return async function send<T>(request: TransportRequest<T>): Promise<TransportResponse<T>> {
    const url = apiUrl(options.base, request.path);
    const path = redactPath(url.pathname);
    const requestBody =
      options.logBodies && request.body ? { requestBody: redact(safeJson(request.body)) } : {};
    const started = monotonicNow();
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted)
        throw abortedError(request.operation, request.signal.reason).withAttempts(attempt - 1);
      const attemptStarted = monotonicNow();
      const timeoutMs = Math.max(
        1,
        Math.ceil(Math.min(policy.attemptTimeoutMs, policy.maxTotalTimeMs - (attemptStarted - started))),
      );
      const result = await attemptOnce(request, url, timeoutMs);
      const finished = monotonicNow();
      const base = {
        operation: request.operation,
        method: request.method,
        path,
        attempt,
        idempotencyKey: request.idempotencyKey ?? null,
        durationMs: Math.round(finished - attemptStarted),
        ...requestBody,
        ...(options.logBodies && result.json !== undefined ? { responseBody: redact(result.json) } : {}),
      };
      if (result.ok) {
        log({
          ...base,
          outcome: "success",
          status: result.status,
          reasonCode: null,
          requestId: result.requestId,
          errorKind: null,
          errorMessage: null,
          retryInMs: null,
        });
        return { data: result.data, status: result.status, requestId: result.requestId, attempts: attempt };
      }
      const { error } = result;
      const delay = backoffDelay(attempt, policy, random);
      const retry =
        error.retryable &&
        attempt < policy.maxAttempts &&
        finished - started + delay < policy.maxTotalTimeMs &&
        !request.signal?.aborted;
      log({
        ...base,
        outcome: retry ? "retrying" : "failed",
        status: error.status,
        reasonCode: error.reasonCode,
        requestId: error.requestId,
        errorKind: error.kind,
        errorMessage: error.message,
        retryInMs: retry ? delay : null,
      });
      if (!retry) throw error.withAttempts(attempt);
      try {
        await sleep(delay, request.signal);
      } catch (sleepError) {
        throw abortedError(request.operation, request.signal?.reason ?? sleepError).withAttempts(attempt);
      }
    }
  };
}
