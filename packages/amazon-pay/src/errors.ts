// Errors raised by the Amazon Pay client. One class for everything that happens around a call,
// discriminated by `kind`, and one for configuration problems found before any call.

/**
 * - `api`: Amazon answered with an error status (`status`, `reasonCode` from its body).
 * - `network`: connection refused, reset or dropped, DNS or TLS failure.
 * - `timeout`: an attempt exceeded its timeout.
 * - `aborted`: the caller's AbortSignal fired.
 * - `contract`: a success response that is not JSON or does not match the schema.
 * - `invalid-request`: refused before sending (bad body, idempotency key, header or option).
 */
export type AmazonPayErrorKind = "api" | "network" | "timeout" | "aborted" | "contract" | "invalid-request";

export interface AmazonPayErrorInit {
  kind: AmazonPayErrorKind;
  operation: string;
  message: string;
  status?: number | null;
  reasonCode?: string | null;
  /** The `message` member of Amazon's error body, verbatim. */
  responseMessage?: string | null;
  requestId?: string | null;
  retryable?: boolean;
  attempts?: number;
  /** Field paths that failed validation (contract and invalid-request errors). */
  issues?: readonly string[];
  cause?: unknown;
}

// Next.js may load this module more than once in one process (instrumentation, route handlers
// and server actions are bundled separately) while a client instance is shared between them, so
// `instanceof` must recognize errors made by any copy of the class: a global symbol brand.
const ERROR_BRAND = Symbol.for("amazon-pay-next-storefront/AmazonPayError");
const CONFIG_ERROR_BRAND = Symbol.for("amazon-pay-next-storefront/AmazonPayConfigError");

const hasBrand = (value: unknown, brand: symbol): boolean =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;

export class AmazonPayError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, ERROR_BRAND);
  }
  readonly [ERROR_BRAND] = true;
  override name = "AmazonPayError";
  readonly kind: AmazonPayErrorKind;
  readonly operation: string;
  readonly status: number | null;
  readonly reasonCode: string | null;
  readonly responseMessage: string | null;
  readonly requestId: string | null;
  /** The failure is transient: the same call with the same idempotency key may succeed later. */
  readonly retryable: boolean;
  /** HTTP attempts made (0 when refused before sending). */
  readonly attempts: number;
  readonly issues: readonly string[];

  constructor(init: AmazonPayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status ?? null;
    this.reasonCode = init.reasonCode ?? null;
    this.responseMessage = init.responseMessage ?? null;
    this.requestId = init.requestId ?? null;
    this.retryable = init.retryable ?? false;
    this.attempts = init.attempts ?? 0;
    this.issues = init.issues ?? [];
  }

  /** A copy that records how many attempts were made in total. */
  withAttempts(attempts: number): AmazonPayError {
    const copy = new AmazonPayError({ ...this.init(), attempts });
    copy.stack = this.stack;
    return copy;
  }

  private init(): AmazonPayErrorInit {
    return {
      kind: this.kind,
      operation: this.operation,
      message: this.message,
      status: this.status,
      reasonCode: this.reasonCode,
      responseMessage: this.responseMessage,
      requestId: this.requestId,
      retryable: this.retryable,
      attempts: this.attempts,
      issues: this.issues,
      cause: this.cause,
    };
  }
}

/** True for an AmazonPayError, optionally with one of the given reason codes. */
export function isAmazonPayError(error: unknown, ...reasonCodes: string[]): error is AmazonPayError {
  return (
    error instanceof AmazonPayError &&
    (reasonCodes.length === 0 || (error.reasonCode !== null && reasonCodes.includes(error.reasonCode)))
  );
}

export interface ConfigProblem {
  field: string;
  message: string;
}

export class AmazonPayConfigError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, CONFIG_ERROR_BRAND);
  }
  readonly [CONFIG_ERROR_BRAND] = true;
  override name = "AmazonPayConfigError";
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      `Amazon Pay configuration is invalid:\n${problems.map((p) => `- ${p.field}: ${p.message}`).join("\n")}`,
    );
    this.problems = problems;
  }
}
