// What an attempt's outcome means: a 2xx body parsed against the operation's schema, or an
// AmazonPayError for an error status, a broken contract, a timeout, an abort or a network failure.
import { type z } from "zod";
import { AmazonPayError } from "../errors";
import { redactText } from "../redact";
import { errorResponseSchema } from "../schemas/error";
import { isRetryableStatus } from "./retry-policy";

export type AttemptResult<T> =
  | { ok: true; status: number; requestId: string | null; data: T; json: unknown }
  | { ok: false; error: AmazonPayError; json?: unknown };

export function interpretResponse<T>(
  operation: string,
  schema: z.ZodType<T>,
  status: number,
  requestId: string | null,
  text: string,
): AttemptResult<T> {
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
    const parsed = schema.safeParse(json);
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

export function timeoutError(operation: string, where: string, timeoutMs: number, cause: unknown) {
  return new AmazonPayError({
    kind: "timeout",
    operation,
    retryable: true,
    message: `Amazon Pay ${operation}: ${where} timed out after ${timeoutMs} ms`,
    cause,
  });
}

export function abortedError(operation: string, reason: unknown): AmazonPayError {
  return new AmazonPayError({
    kind: "aborted",
    operation,
    message: `Amazon Pay ${operation}: aborted by the caller`,
    cause: reason,
  });
}

/** TLS verification failures are not transient: retrying cannot make an untrusted certificate trusted. */
const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/i;

export function networkError(operation: string, where: string, error: unknown): AmazonPayError {
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

export function safeJson(text: string): unknown {
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
