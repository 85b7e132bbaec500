// One API operation as the client runs it: per-call headers and idempotency key resolved, the
// request body validated and serialized, the transport called, and the result returned with
// the key that was sent. Signing happens inside the transport, through its `authorize` hook.
import { type z } from "zod";
import { resolveCallHeaders, resolveIdempotencyKey, type IdempotentCallOptions } from "../call-options";
import { AmazonPayError } from "../errors";
import { type HttpMethod } from "../http/method";
import { type Transport } from "../http/transport";

export interface AmazonPayResult<T> {
  data: T;
  /** 200, 201, or 202 when Complete/Finalize left the authorization pending. */
  status: number;
  requestId: string | null;
  /** The key sent with a POST, also on every retry; null for other methods. */
  idempotencyKey: string | null;
  attempts: number;
}

export type Result<T> = Promise<AmazonPayResult<T>>;

export interface OperationSpec<T> {
  operation: string;
  method: HttpMethod;
  path: string;
  response: z.ZodType<T>;
  request?: z.ZodType;
  body?: unknown;
}

export type CallOperation = <T>(spec: OperationSpec<T>, options?: IdempotentCallOptions) => Result<T>;

function invalidRequest(operation: string, issues: string[]): AmazonPayError {
  return new AmazonPayError({
    kind: "invalid-request",
    operation,
    issues,
    message: `Amazon Pay ${operation}: invalid request: ${issues.join("; ")}`,
  });
}

/** The body parsed by its schema; an invalid body throws before anything is sent. */
export function validated(operation: string, schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw invalidRequest(
      operation,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`),
    );
  return parsed.data;
}

/**
 * One path segment from an id; ids are URL-safe in practice, anything else is encoded. Methods
 * that take an id are async so that an invalid id rejects instead of throwing synchronously.
 */
export function segment(operation: string, name: string, id: string): string {
  if (typeof id !== "string" || id.trim() === "" || /[\0-\x1f]/.test(id))
    throw invalidRequest(operation, [`${name}: must be a non-empty id`]);
  return encodeURIComponent(id);
}

export interface OperationContext {
  transport: Transport;
  sandbox: boolean;
  signSimulationCode: boolean;
  generateIdempotencyKey: () => string;
}

export function createOperationCaller(context: OperationContext): CallOperation {
  return async function call<T>(spec: OperationSpec<T>, callOptions: IdempotentCallOptions = {}): Result<T> {
    const { operation, method } = spec;
    const headers = resolveCallHeaders(operation, callOptions, context);
    const idempotencyKey =
      method === "POST"
        ? resolveIdempotencyKey(operation, callOptions.idempotencyKey, context.generateIdempotencyKey)
        : null;
    const body = spec.request ? JSON.stringify(validated(operation, spec.request, spec.body)) : undefined;
    const response = await context.transport({
      operation,
      method,
      path: spec.path,
      body,
      idempotencyKey: idempotencyKey ?? undefined,
      signedHeaders: headers.signedHeaders,
      unsignedHeaders: headers.unsignedHeaders,
      signal: callOptions.signal,
      response: spec.response,
    });
    return { ...response, idempotencyKey };
  };
}
