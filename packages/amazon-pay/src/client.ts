import "server-only";
// The Amazon Pay API v2 client: typed operations grouped by object, each validating its request
// body before sending and its response after receiving, signing every attempt with the
// merchant's key, and resolving to `{ data, status, requestId }` (so 200 and 202 stay distinct).
import { type z } from "zod";
import {
  resolveCallHeaders,
  resolveIdempotencyKey,
  type CallOptions,
  type IdempotentCallOptions,
} from "./call-options";
import { type AmazonPayConfig } from "./config";
import { checkoutJsUrl, resolveApiBase, type Region } from "./environment";
import { AmazonPayError } from "./errors";
import { createTransport, type AmazonPayLogger, type HttpMethod, type RetryPolicy } from "./http";
import { randomIdempotencyKey } from "./idempotency";
import { buyerSchema, type Buyer } from "./schemas/buyer";
import {
  cancelChargeRequestSchema,
  captureChargeRequestSchema,
  chargeSchema,
  createChargeRequestSchema,
  type CancelChargeBody,
  type CaptureChargeBody,
  type Charge,
  type CreateChargeBody,
} from "./schemas/charge";
import {
  chargePermissionSchema,
  closeChargePermissionRequestSchema,
  updateChargePermissionRequestSchema,
  type ChargePermission,
  type CloseChargePermissionBody,
  type UpdateChargePermissionBody,
} from "./schemas/charge-permission";
import { checkoutSessionSchema, type CheckoutSession } from "./schemas/checkout-session";
import {
  completeCheckoutSessionRequestSchema,
  createCheckoutSessionRequestSchema,
  finalizeCheckoutSessionRequestSchema,
  updateCheckoutSessionRequestSchema,
  type CompleteCheckoutSessionBody,
  type CreateCheckoutSessionBody,
  type FinalizeCheckoutSessionBody,
  type UpdateCheckoutSessionBody,
} from "./schemas/checkout-session-requests";
import {
  createDeliveryTrackerRequestSchema,
  deliveryTrackerSchema,
  type CreateDeliveryTrackerBody,
  type DeliveryTracker,
} from "./schemas/delivery-tracker";
import {
  createRefundRequestSchema,
  refundSchema,
  type CreateRefundBody,
  type Refund,
} from "./schemas/refund";
import { signButtonPayload, signRequest, type SigningAlgorithm } from "./signing";

export type { CallOptions, IdempotentCallOptions } from "./call-options";

export interface AmazonPayClientOptions {
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Injected for tests: backoff sleep, jitter source, monotonic clock (ms), wall clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  monotonicNow?: () => number;
  now?: () => Date;
  /** Called once per HTTP attempt; buyer data and secrets are already redacted. */
  log?: AmazonPayLogger;
  /** Add redacted request and response bodies to log entries. */
  logBodies?: boolean;
  userAgent?: string;
  /** Default for `CallOptions.signSimulationCode` (true). */
  signSimulationCode?: boolean;
  /** Key for POST calls that were given none (default: random). */
  generateIdempotencyKey?: () => string;
}

export interface AmazonPayResult<T> {
  data: T;
  /** 200, 201, or 202 when Complete/Finalize left the authorization pending. */
  status: number;
  requestId: string | null;
  /** The key sent with a POST, also on every retry; null for other methods. */
  idempotencyKey: string | null;
  attempts: number;
}

/** The `createCheckoutSessionConfig` (or `signInConfig`) object checkout.js expects. */
export interface ButtonConfig {
  payloadJSON: string;
  signature: string;
  publicKeyId: string;
  algorithm: SigningAlgorithm;
}

export interface AmazonPayEnvironment {
  region: Region;
  sandbox: boolean;
  merchantId: string;
  storeId: string;
  publicKeyId: string;
  algorithm: SigningAlgorithm;
  /** Base of every API URL, environment segment included, e.g. "https://pay-api.amazon.com/sandbox". */
  apiBaseUrl: string;
  checkoutJsUrl: string;
}

type Result<T> = Promise<AmazonPayResult<T>>;

export interface AmazonPayClient {
  environment: AmazonPayEnvironment;
  checkoutSessions: {
    create(body: CreateCheckoutSessionBody, options?: IdempotentCallOptions): Result<CheckoutSession>;
    get(checkoutSessionId: string, options?: CallOptions): Result<CheckoutSession>;
    update(
      checkoutSessionId: string,
      body: UpdateCheckoutSessionBody,
      options?: CallOptions,
    ): Result<CheckoutSession>;
    complete(
      checkoutSessionId: string,
      body: CompleteCheckoutSessionBody,
      options?: IdempotentCallOptions,
    ): Result<CheckoutSession>;
    finalize(
      checkoutSessionId: string,
      body: FinalizeCheckoutSessionBody,
      options?: IdempotentCallOptions,
    ): Result<CheckoutSession>;
  };
  chargePermissions: {
    get(chargePermissionId: string, options?: CallOptions): Result<ChargePermission>;
    update(
      chargePermissionId: string,
      body: UpdateChargePermissionBody,
      options?: CallOptions,
    ): Result<ChargePermission>;
    close(
      chargePermissionId: string,
      body: CloseChargePermissionBody,
      options?: CallOptions,
    ): Result<ChargePermission>;
  };
  charges: {
    create(body: CreateChargeBody, options?: IdempotentCallOptions): Result<Charge>;
    get(chargeId: string, options?: CallOptions): Result<Charge>;
    capture(chargeId: string, body: CaptureChargeBody, options?: IdempotentCallOptions): Result<Charge>;
    cancel(chargeId: string, body: CancelChargeBody, options?: CallOptions): Result<Charge>;
  };
  refunds: {
    create(body: CreateRefundBody, options?: IdempotentCallOptions): Result<Refund>;
    get(refundId: string, options?: CallOptions): Result<Refund>;
  };
  deliveryTrackers: {
    create(body: CreateDeliveryTrackerBody, options?: IdempotentCallOptions): Result<DeliveryTracker>;
  };
  buyers: { get(buyerToken: string, options?: CallOptions): Result<Buyer> };
  /** Validates a Create Checkout Session payload, serializes it once and signs that exact string. */
  checkoutButtonConfig(payload: CreateCheckoutSessionBody): ButtonConfig;
  /** Signs a payload string exactly as given (e.g. a signInConfig payload). */
  signButtonPayload(payloadJSON: string): ButtonConfig;
}

// Methods that take an id are async so that an invalid id rejects instead of throwing synchronously.
interface OperationSpec<T> {
  operation: string;
  method: HttpMethod;
  path: string;
  response: z.ZodType<T>;
  request?: z.ZodType;
  body?: unknown;
}

function invalidRequest(operation: string, issues: string[]): AmazonPayError {
  return new AmazonPayError({
    kind: "invalid-request",
    operation,
    issues,
    message: `Amazon Pay ${operation}: invalid request: ${issues.join("; ")}`,
  });
}

function validated(operation: string, schema: z.ZodType, body: unknown): unknown {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw invalidRequest(
      operation,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`),
    );
  return parsed.data;
}

/** One path segment from an id; ids are URL-safe in practice, anything else is encoded. */
function segment(operation: string, name: string, id: string): string {
  if (typeof id !== "string" || id.trim() === "" || /[\0-\x1f]/.test(id))
    throw invalidRequest(operation, [`${name}: must be a non-empty id`]);
  return encodeURIComponent(id);
}

export function createAmazonPayClient(
  config: AmazonPayConfig,
  options: AmazonPayClientOptions = {},
): AmazonPayClient {
  const { publicKeyId, privateKey, algorithm } = config;
  const base = resolveApiBase({
    region: config.region,
    sandbox: config.sandbox,
    publicKeyId,
    baseUrlOverride: config.baseUrl ?? undefined,
  });
  const transport = createTransport({
    base,
    authorize: (input) => signRequest({ ...input, publicKeyId, privateKey, algorithm }).authorization,
    retry: options.retry,
    fetch: options.fetch,
    sleep: options.sleep,
    random: options.random,
    monotonicNow: options.monotonicNow,
    now: options.now,
    log: options.log,
    logBodies: options.logBodies,
    userAgent: options.userAgent,
  });
  const generateKey = options.generateIdempotencyKey ?? randomIdempotencyKey;
  const context = { sandbox: config.sandbox, signSimulationCode: options.signSimulationCode ?? true };

  async function call<T>(spec: OperationSpec<T>, callOptions: IdempotentCallOptions = {}): Result<T> {
    const { operation, method } = spec;
    const headers = resolveCallHeaders(operation, callOptions, context);
    const idempotencyKey =
      method === "POST" ? resolveIdempotencyKey(operation, callOptions.idempotencyKey, generateKey) : null;
    const body = spec.request ? JSON.stringify(validated(operation, spec.request, spec.body)) : undefined;
    const response = await transport({
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
  }

  const sessionPath = (operation: string, id: string) =>
    `/v2/checkoutSessions/${segment(operation, "checkoutSessionId", id)}`;
  const permissionPath = (operation: string, id: string) =>
    `/v2/chargePermissions/${segment(operation, "chargePermissionId", id)}`;
  const chargePath = (operation: string, id: string) => `/v2/charges/${segment(operation, "chargeId", id)}`;

  function buttonConfig(payloadJSON: string): ButtonConfig {
    return {
      payloadJSON,
      signature: signButtonPayload(payloadJSON, privateKey, algorithm),
      publicKeyId,
      algorithm,
    };
  }

  return {
    environment: {
      region: config.region,
      sandbox: config.sandbox,
      merchantId: config.merchantId,
      storeId: config.storeId,
      publicKeyId,
      algorithm,
      apiBaseUrl: `${base.origin}${base.pathPrefix}`,
      checkoutJsUrl: checkoutJsUrl(config.region),
    },
    checkoutSessions: {
      create: (body, o) =>
        call(
          {
            operation: "createCheckoutSession",
            method: "POST",
            path: "/v2/checkoutSessions",
            request: createCheckoutSessionRequestSchema,
            body,
            response: checkoutSessionSchema,
          },
          o,
        ),
      get: async (id, o) =>
        call(
          {
            operation: "getCheckoutSession",
            method: "GET",
            path: sessionPath("getCheckoutSession", id),
            response: checkoutSessionSchema,
          },
          o,
        ),
      update: async (id, body, o) =>
        call(
          {
            operation: "updateCheckoutSession",
            method: "PATCH",
            path: sessionPath("updateCheckoutSession", id),
            request: updateCheckoutSessionRequestSchema,
            body,
            response: checkoutSessionSchema,
          },
          o,
        ),
      complete: async (id, body, o) =>
        call(
          {
            operation: "completeCheckoutSession",
            method: "POST",
            path: `${sessionPath("completeCheckoutSession", id)}/complete`,
            request: completeCheckoutSessionRequestSchema,
            body,
            response: checkoutSessionSchema,
          },
          o,
        ),
      finalize: async (id, body, o) =>
        call(
          {
            operation: "finalizeCheckoutSession",
            method: "POST",
            path: `${sessionPath("finalizeCheckoutSession", id)}/finalize`,
            request: finalizeCheckoutSessionRequestSchema,
            body,
            response: checkoutSessionSchema,
          },
          o,
        ),
    },
    chargePermissions: {
      get: async (id, o) =>
        call(
          {
            operation: "getChargePermission",
            method: "GET",
            path: permissionPath("getChargePermission", id),
            response: chargePermissionSchema,
          },
          o,
        ),
      update: async (id, body, o) =>
        call(
          {
            operation: "updateChargePermission",
            method: "PATCH",
            path: permissionPath("updateChargePermission", id),
            request: updateChargePermissionRequestSchema,
            body,
            response: chargePermissionSchema,
          },
          o,
        ),
      close: async (id, body, o) =>
        call(
          {
            operation: "closeChargePermission",
            method: "DELETE",
            path: `${permissionPath("closeChargePermission", id)}/close`,
            request: closeChargePermissionRequestSchema,
            body,
            response: chargePermissionSchema,
          },
          o,
        ),
    },
    charges: {
      create: (body, o) =>
        call(
          {
            operation: "createCharge",
            method: "POST",
            path: "/v2/charges",
            request: createChargeRequestSchema,
            body,
            response: chargeSchema,
          },
          o,
        ),
      get: async (id, o) =>
        call(
          {
            operation: "getCharge",
            method: "GET",
            path: chargePath("getCharge", id),
            response: chargeSchema,
          },
          o,
        ),
      capture: async (id, body, o) =>
        call(
          {
            operation: "captureCharge",
            method: "POST",
            path: `${chargePath("captureCharge", id)}/capture`,
            request: captureChargeRequestSchema,
            body,
            response: chargeSchema,
          },
          o,
        ),
      cancel: async (id, body, o) =>
        call(
          {
            operation: "cancelCharge",
            method: "DELETE",
            path: `${chargePath("cancelCharge", id)}/cancel`,
            request: cancelChargeRequestSchema,
            body,
            response: chargeSchema,
          },
          o,
        ),
    },
    refunds: {
      create: (body, o) =>
        call(
          {
            operation: "createRefund",
            method: "POST",
            path: "/v2/refunds",
            request: createRefundRequestSchema,
            body,
            response: refundSchema,
          },
          o,
        ),
      get: async (id, o) =>
        call(
          {
            operation: "getRefund",
            method: "GET",
            path: `/v2/refunds/${segment("getRefund", "refundId", id)}`,
            response: refundSchema,
          },
          o,
        ),
    },
    deliveryTrackers: {
      create: (body, o) =>
        call(
          {
            operation: "createDeliveryTracker",
            method: "POST",
            path: "/v2/deliveryTrackers",
            request: createDeliveryTrackerRequestSchema,
            body,
            response: deliveryTrackerSchema,
          },
          o,
        ),
    },
    buyers: {
      get: async (token, o) =>
        call(
          {
            operation: "getBuyer",
            method: "GET",
            path: `/v2/buyers/${segment("getBuyer", "buyerToken", token)}`,
            response: buyerSchema,
          },
          o,
        ),
    },
    checkoutButtonConfig: (payload) =>
      buttonConfig(
        JSON.stringify(validated("checkoutButtonConfig", createCheckoutSessionRequestSchema, payload)),
      ),
    signButtonPayload: (payloadJSON) => buttonConfig(payloadJSON),
  };
}
