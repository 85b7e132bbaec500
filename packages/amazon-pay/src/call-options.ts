// Per-call options of the client and their checks: idempotency key, sandbox simulation code,
// extra headers, abort signal. Everything here is refused before anything is sent.
import { AmazonPayError } from "./errors";
import { isValidIdempotencyKey } from "./idempotency";

export interface CallOptions {
  /** Sandbox only: sends `x-amz-pay-simulation-code`. */
  simulationCode?: string | undefined;
  /** Sign the simulation header (default: the client's `signSimulationCode`, true). Both work. */
  signSimulationCode?: boolean | undefined;
  /** Extra headers, e.g. `x-amz-pay-authtoken`; sent and signed. */
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

export interface IdempotentCallOptions extends CallOptions {
  /**
   * Reused on every retry. Pass a key derived from the business operation
   * (`idempotencyKeyFor`) so that repeating the operation cannot create a second object;
   * without one a random key is generated for this call.
   */
  idempotencyKey?: string | undefined;
}

/** Headers the client sets itself; callers cannot override them. */
const RESERVED_HEADERS = new Set([
  "accept",
  "content-type",
  "authorization",
  "host",
  "content-length",
  "user-agent",
  "x-amz-pay-date",
  "x-amz-pay-host",
  "x-amz-pay-region",
  "x-amz-pay-idempotency-key",
  "x-amz-pay-simulation-code",
]);
const HEADER_NAME = /^[A-Za-z0-9-]+$/;
const SIMULATION_CODE = /^[A-Za-z0-9:._-]{1,100}$/;

export interface ResolvedHeaders {
  signedHeaders: Record<string, string>;
  unsignedHeaders: Record<string, string>;
}

export function resolveCallHeaders(
  operation: string,
  options: CallOptions,
  context: { sandbox: boolean; signSimulationCode: boolean },
): ResolvedHeaders {
  const refuse = (message: string, field: string) =>
    new AmazonPayError({
      kind: "invalid-request",
      operation,
      message: `Amazon Pay ${operation}: ${message}`,
      issues: [`${field}: ${message}`],
    });
  const signedHeaders: Record<string, string> = {};
  const unsignedHeaders: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(options.headers ?? {})) {
    const name = rawName.toLowerCase();
    if (!HEADER_NAME.test(name)) throw refuse(`invalid header name ${JSON.stringify(rawName)}`, "headers");
    if (RESERVED_HEADERS.has(name))
      throw refuse(`header ${name} is set by the client and cannot be passed`, "headers");
    if (/[\r\n\0]/.test(value)) throw refuse(`header ${name} contains a line break`, "headers");
    signedHeaders[name] = value;
  }
  if (options.simulationCode !== undefined) {
    if (!context.sandbox)
      throw refuse("simulationCode is only valid in the sandbox environment", "simulationCode");
    if (!SIMULATION_CODE.test(options.simulationCode))
      throw refuse(`invalid simulationCode ${JSON.stringify(options.simulationCode)}`, "simulationCode");
    const target =
      (options.signSimulationCode ?? context.signSimulationCode) ? signedHeaders : unsignedHeaders;
    target["x-amz-pay-simulation-code"] = options.simulationCode;
  }
  return { signedHeaders, unsignedHeaders };
}

export function resolveIdempotencyKey(
  operation: string,
  key: string | undefined,
  generate: () => string,
): string {
  const resolved = key ?? generate();
  if (!isValidIdempotencyKey(resolved)) {
    throw new AmazonPayError({
      kind: "invalid-request",
      operation,
      issues: ["idempotencyKey: must be 1-32 characters of A-Z a-z 0-9 _ -"],
      message: `Amazon Pay ${operation}: invalid idempotency key ${JSON.stringify(resolved)}: must be 1-32 characters of A-Z a-z 0-9 _ -`,
    });
  }
  return resolved;
}
