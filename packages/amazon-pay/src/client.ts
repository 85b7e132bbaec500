import "server-only";
// The Amazon Pay API v2 client: typed operations grouped by object, each validating its request
// body before sending and its response after receiving, signing every attempt with the
// merchant's key, and resolving to `{ data, status, requestId }` (so 200 and 202 stay distinct).
import { type AmazonPayConfig } from "./config";
import { buttonConfigOperations, type ButtonConfigOperations } from "./client/button-config";
import { buyerOperations, type BuyerOperations } from "./client/buyers";
import { chargePermissionOperations, type ChargePermissionOperations } from "./client/charge-permissions";
import { chargeOperations, type ChargeOperations } from "./client/charges";
import { checkoutSessionOperations, type CheckoutSessionOperations } from "./client/checkout-sessions";
import { deliveryTrackerOperations, type DeliveryTrackerOperations } from "./client/delivery-trackers";
import { disputeOperations, type DisputeOperations } from "./client/disputes";
import { fileOperations, type FileOperations } from "./client/files";
import { createOperationCaller } from "./client/operation";
import { refundOperations, type RefundOperations } from "./client/refunds";
import { reportScheduleOperations, type ReportScheduleOperations } from "./client/report-schedules";
import { reportOperations, type ReportOperations } from "./client/reports";
import { checkoutJsUrl, resolveApiBase, type Region } from "./environment";
import { type AmazonPayLogger } from "./http/log-entry";
import { type RetryPolicy } from "./http/retry-policy";
import { createTransport } from "./http/transport";
import { randomIdempotencyKey } from "./idempotency";
import { type SigningAlgorithm } from "./signing/algorithms";
import { signRequest } from "./signing/authorization";

export type { CallOptions, IdempotentCallOptions } from "./call-options";
export type { ButtonConfig, ButtonConfigOperations } from "./client/button-config";
export type { BuyerOperations } from "./client/buyers";
export type { ChargePermissionOperations } from "./client/charge-permissions";
export type { ChargeOperations } from "./client/charges";
export type { CheckoutSessionOperations } from "./client/checkout-sessions";
export type { DeliveryTrackerOperations } from "./client/delivery-trackers";
export type { DisputeOperations } from "./client/disputes";
export type { FileOperations } from "./client/files";
export type { AmazonPayResult } from "./client/operation";
export type { RefundOperations } from "./client/refunds";
export type { ReportScheduleOperations } from "./client/report-schedules";
export type { ReportOperations } from "./client/reports";

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

export interface AmazonPayClient extends ButtonConfigOperations {
  environment: AmazonPayEnvironment;
  checkoutSessions: CheckoutSessionOperations;
  chargePermissions: ChargePermissionOperations;
  charges: ChargeOperations;
  refunds: RefundOperations;
  deliveryTrackers: DeliveryTrackerOperations;
  buyers: BuyerOperations;
  reports: ReportOperations;
  reportSchedules: ReportScheduleOperations;
  disputes: DisputeOperations;
  files: FileOperations;
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
  const call = createOperationCaller({
    transport,
    sandbox: config.sandbox,
    signSimulationCode: options.signSimulationCode ?? true,
    generateIdempotencyKey: options.generateIdempotencyKey ?? randomIdempotencyKey,
  });

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
    checkoutSessions: checkoutSessionOperations(call),
    chargePermissions: chargePermissionOperations(call),
    charges: chargeOperations(call),
    refunds: refundOperations(call),
    deliveryTrackers: deliveryTrackerOperations(call),
    buyers: buyerOperations(call),
    reports: reportOperations(call),
    reportSchedules: reportScheduleOperations(call),
    disputes: disputeOperations(call),
    files: fileOperations(call),
    ...buttonConfigOperations(config),
  };
}
