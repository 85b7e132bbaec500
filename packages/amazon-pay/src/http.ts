// The transport: one signed HTTP call with a per-attempt timeout, retries with exponential
// backoff and full jitter (bounded in attempts and in total time), error mapping, response
// parsing against a schema, and a logging hook. Keys never reach this module: the caller passes
// an `authorize` function that signs the final headers of each attempt.
import { setTimeout as sleepFor } from "node:timers/promises";
import { type z } from "zod";
import { apiUrl, type ApiBase } from "./environment";
import { AmazonPayError, type AmazonPayErrorKind } from "./errors";
import { redact, redactPath, redactText } from "./redact";
import { errorResponseSchema } from "./schemas/error";
import { formatAmzDate } from "./signing";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** No retry is started when it could not begin before this much time has passed since the first attempt. */
  maxTotalTimeMs: number;
  /** Backoff before retry n (1-based) is uniform in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Timeout of one attempt, response body included; capped by the time left of maxTotalTimeMs. */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  maxTotalTimeMs: 45_000,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  attemptTimeoutMs: 20_000,
};

/** 408, 425, 429 and every 5xx are transient; other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export interface AmazonPayLogEntry {
  operation: string;
  method: HttpMethod;
  /** Path as called, buyer tokens redacted. */
  path: string;
  attempt: number;
  /** "retrying": this attempt failed and another follows after `retryInMs`. */
  outcome: "success" | "retrying" | "failed";
  status: number | null;
  reasonCode: string | null;
  requestId: string | null;
  idempotencyKey: string | null;
  durationMs: number;
  errorKind: AmazonPayErrorKind | null;
  errorMessage: string | null;
  retryInMs: number | null;
  /** Only with `logBodies`: redacted request and response bodies. */
  requestBody?: unknown;
  responseBody?: unknown;
}
export type AmazonPayLogger = (entry: AmazonPayLogEntry) => void;

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

type AttemptResult<T> =
  | { ok: true; status: number; requestId: string | null; data: T; json: unknown }
  | { ok: false; error: AmazonPayError; json?: unknown };

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
      return interpret(request, response.status, response.headers.get("x-amz-pay-request-id"), text);
    } catch (error) {
      if (timedOut) {
        return {
          ok: false,
          error: new AmazonPayError({
            kind: "timeout",
            operation,
            retryable: true,
            message: `Amazon Pay ${operation}: ${where} timed out after ${timeoutMs} ms`,
            cause: error,
          }),
        };
      }
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

function interpret<T>(
  request: TransportRequest<T>,
  status: number,
  requestId: string | null,
  text: string,
): AttemptResult<T> {
  const { operation } = request;
  const json = safeJson(text);
  if (status >= 200 && status < 300) {
    if (json === undefined) {
      return {
        ok: false,
        error: new AmazonPayError({
          kind: "contract",
          operation,
          status,
          requestId,
          message: `Amazon Pay ${operation}: HTTP ${status} response is not JSON: ${snippet(text)}`,
        }),
      };
    }
    const parsed = request.response.safeParse(json);
    if (parsed.success) return { ok: true, status, requestId, data: parsed.data, json };
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(response)"}: ${issue.message}`,
    );
    return {
      ok: false,
      json,
      error: new AmazonPayError({
        kind: "contract",
        operation,
        status,
        requestId,
        issues,
        message: `Amazon Pay ${operation}: HTTP ${status} response breaks the contract: ${issues.join("; ")}`,
      }),
    };
  }
  const errorBody = errorResponseSchema.safeParse(json);
  const reasonCode = errorBody.success ? errorBody.data.reasonCode : null;
  const responseMessage = errorBody.success ? errorBody.data.message : text ? snippet(text) : null;
  const retryable = isRetryableStatus(status);
  const what = status >= 300 && status < 400 ? "unexpected redirect" : (reasonCode ?? "error");
  return {
    ok: false,
    json,
    error: new AmazonPayError({
      kind: "api",
      operation,
      status,
      reasonCode,
      responseMessage,
      requestId,
      retryable,
      message: `Amazon Pay ${operation}: HTTP ${status} ${what}${responseMessage ? `: ${responseMessage}` : ""}${requestId ? ` (request id ${requestId})` : ""}`,
    }),
  };
}

function abortedError(operation: string, reason: unknown): AmazonPayError {
  return new AmazonPayError({
    kind: "aborted",
    operation,
    message: `Amazon Pay ${operation}: aborted by the caller`,
    cause: reason,
  });
}

/** TLS verification failures are not transient: retrying cannot make an untrusted certificate trusted. */
const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/i;

function networkError(operation: string, where: string, error: unknown): AmazonPayError {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
      ? cause.code
      : null;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  const tls = code !== null && TLS_ERROR.test(code);
  return new AmazonPayError({
    kind: "network",
    operation,
    retryable: !tls,
    cause: error,
    message: `Amazon Pay ${operation}: ${where} failed: ${tls ? "TLS certificate verification failed" : "network error"} (${redactText(detail)})`,
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function snippet(text: string): string {
  const flat = redactText(text).replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat || "(empty body)";
}
