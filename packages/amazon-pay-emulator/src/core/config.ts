// Behaviour switches of the emulator. Every [UNKNOWN] of the Amazon Pay reference that the
// emulator had to decide is a key here, with the most likely behaviour as its default; the README
// lists them. Settable at start (startEmulator({ config })) and at runtime (POST /__emulator/config).
import { z } from "zod";
import {
  AFTER_SALE_DEFAULTS,
  afterSalePatchShape,
  mergeFees,
  type AfterSaleConfig,
} from "./after-sale-config";
import { mergeExchangeRates, REGION_DEFAULTS, regionPatchShape, type RegionConfig } from "./region-config";

export interface IpnConfig {
  /** Send IPNs at all. */
  enabled: boolean;
  /** Also notify when a Charge, Refund or Charge Permission is created (its first state). */
  notifyOnCreate: boolean;
  /** SNS SignatureVersion: "1" = RSA SHA-1 (what Amazon's IPNs use), "2" = RSA SHA-256. */
  signatureVersion: "1" | "2";
  /** POST a SubscriptionConfirmation when a merchant's IPN URL is set. */
  sendSubscriptionConfirmation: boolean;
  /** Per-attempt timeout of an IPN POST. */
  timeoutMs: number;
  /** Attempts per notification, the first included (Amazon: retries for about 3 hours). */
  maxAttempts: number;
  /** Delay before the first retry; each further retry waits `retryBackoffFactor` times longer. */
  retryDelayMs: number;
  retryBackoffFactor: number;
}

export interface EmulatorConfig extends AfterSaleConfig, RegionConfig {
  /** Delay before pending authorizations, asynchronous captures and refunds settle (docs: 30 s). */
  asyncDelayMs: number;
  /** Added before every API response (for benchmarks and slow-network tests). */
  latencyMs: number;
  /** Allowed difference between x-amz-pay-date and the real wall clock. [UNKNOWN] */
  maxClockSkewSeconds: number;
  /** Status of InvalidRequestSignature answers (401 or 403). [UNKNOWN] */
  signatureErrorStatus: 401 | 403;
  /** Answer for an object of another merchant: 401 UnauthorizedAccess or 404 ResourceNotFound. [MEM] */
  foreignObjectError: "UnauthorizedAccess" | "ResourceNotFound";
  /** Status of AmountMismatch from Complete/Finalize (400 or 422). [UNKNOWN] */
  amountMismatchStatus: 400 | 422;
  /** canHandlePendingAuthorization with AuthorizeWithCapture ⇒ 400 InvalidParameterCombination. */
  rejectPendingWithAuthorizeWithCapture: boolean;
  /** softDescriptor only with AuthorizeWithCapture (sessions) or captureNow (Create Charge). */
  softDescriptorRequiresCapture: boolean;
  /**
   * Pending instruments (…0701, …4354) without paymentIntent Authorize and
   * canHandlePendingAuthorization: "error" = Complete/Finalize answer 400
   * InvalidSandboxSimulationSpecified (the docs: "will result in an error"), "decline" = the
   * session is declined, "authorize" = the authorization succeeds synchronously.
   */
  pendingInstrumentWithoutPrerequisite: "error" | "decline" | "authorize";
  /** Complete on a session that expired after 24 h. [UNKNOWN] */
  completeExpiredSessionError: "InvalidCheckoutSessionStatus" | "CheckoutSessionCanceled";
  /** Close on an already closed Charge Permission: 422 InvalidChargePermissionStatus or 200. [UNKNOWN] */
  closeClosedChargePermission: "error" | "ok";
  /** Save 4xx answers under their idempotency key like successes (5xx and 429 never are). [UNKNOWN] */
  idempotencySavesClientErrors: boolean;
  /**
   * What an idempotency key is scoped to besides the merchant: nothing, the operation, or the
   * operation and its target object (the id in the path). [UNKNOWN; the official Node SDK's tests
   * reuse one key across operations]
   */
  idempotencyScope: "merchant" | "operation" | "target";
  /** Algorithm assumed when a button config has no `algorithm`. [UNKNOWN] */
  buttonDefaultAlgorithm: "AMZN-PAY-RSASSA-PSS" | "AMZN-PAY-RSASSA-PSS-V2";
  /** Require renderJSButton's checkoutSessionConfig to be signed like createCheckoutSessionConfig. [UNKNOWN] */
  buyNowRequireSignedConfig: boolean;
  /** Require totalBaseAmount + shipping + tax − discount = totalOrderAmount (or totalChargeAmount). */
  buyNowCheckCartTotals: boolean;
  /** Over-capture and over-refund tolerance: the lesser of this percentage and the absolute caps. [MEM] */
  overAmountTolerancePercent: number;
  /** Absolute tolerance caps in minor units per currency. [MEM] */
  overAmountToleranceCap: { USD: number; EUR: number; GBP: number; JPY: number };
  maxChargesPerChargePermission: number;
  /** [UNKNOWN]; MWS allowed 10 refunds per capture. */
  maxRefundsPerCharge: number;
  /** When a Charge's refundedAmount grows: when the Refund is initiated or when it is Refunded. [UNKNOWN] */
  refundedAmountOn: "RefundInitiated" | "Refunded";
  /** A HardDeclined charge leaves the Charge Permission NonChargeable (PaymentMethodInvalid). [UNKNOWN] */
  hardDeclineMakesChargePermissionNonChargeable: boolean;
  /** Reason recorded when a OneTime Charge Permission closes because it is fully captured. [UNKNOWN] */
  fullyCapturedClosureReason: string | null;
  /** Append ?amazonCheckoutSessionId=… to checkoutCancelUrl when the buyer cancels. [UNKNOWN] */
  cancelUrlIncludesSessionId: boolean;
  sessionExpiryHours: number;
  /** Checkout Sessions are deleted this long after creation (GET answers 404). */
  sessionRetentionDays: number;
  authorizationValidityDays: number;
  /** Captures later than this after authorization are asynchronous (CaptureInitiated). */
  synchronousCaptureDays: number;
  chargePermissionValidityDays: number;
  /** OneTime with paymentDetails.extendExpiration, and Recurring (renewed by each charge): 13 months. */
  extendedChargePermissionValidityDays: number;
  /** Lifetime of a buyerToken from the sign-in button. [UNKNOWN] */
  buyerTokenValidityHours: number;
  ipn: IpnConfig;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
  asyncDelayMs: 30_000,
  latencyMs: 0,
  maxClockSkewSeconds: 900,
  signatureErrorStatus: 401,
  foreignObjectError: "UnauthorizedAccess",
  amountMismatchStatus: 400,
  rejectPendingWithAuthorizeWithCapture: true,
  softDescriptorRequiresCapture: true,
  pendingInstrumentWithoutPrerequisite: "error",
  completeExpiredSessionError: "InvalidCheckoutSessionStatus",
  closeClosedChargePermission: "error",
  idempotencySavesClientErrors: true,
  idempotencyScope: "target",
  buttonDefaultAlgorithm: "AMZN-PAY-RSASSA-PSS",
  buyNowRequireSignedConfig: false,
  buyNowCheckCartTotals: true,
  overAmountTolerancePercent: 15,
  overAmountToleranceCap: { USD: 7_500, EUR: 7_500, GBP: 7_500, JPY: 8_400 },
  maxChargesPerChargePermission: 25,
  maxRefundsPerCharge: 10,
  refundedAmountOn: "Refunded",
  hardDeclineMakesChargePermissionNonChargeable: true,
  fullyCapturedClosureReason: null,
  cancelUrlIncludesSessionId: true,
  sessionExpiryHours: 24,
  sessionRetentionDays: 30,
  authorizationValidityDays: 30,
  synchronousCaptureDays: 7,
  chargePermissionValidityDays: 180,
  extendedChargePermissionValidityDays: 395,
  buyerTokenValidityHours: 24,
  ipn: {
    enabled: true,
    notifyOnCreate: true,
    signatureVersion: "1",
    sendSubscriptionConfirmation: true,
    timeoutMs: 5_000,
    maxAttempts: 4,
    retryDelayMs: 1_000,
    retryBackoffFactor: 4,
  },
  ...AFTER_SALE_DEFAULTS,
  ...REGION_DEFAULTS,
};

const nonNegativeInt = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();

const ipnPatchSchema = z
  .strictObject({
    enabled: z.boolean(),
    notifyOnCreate: z.boolean(),
    signatureVersion: z.enum(["1", "2"]),
    sendSubscriptionConfirmation: z.boolean(),
    timeoutMs: positiveInt,
    maxAttempts: positiveInt.max(20),
    retryDelayMs: nonNegativeInt,
    retryBackoffFactor: z.number().min(1).max(100),
  })
  .partial();

/** A partial configuration, as accepted by POST /__emulator/config and startEmulator({ config }). */
export const configPatchSchema = z
  .strictObject({
    asyncDelayMs: nonNegativeInt,
    latencyMs: nonNegativeInt.max(60_000),
    maxClockSkewSeconds: nonNegativeInt,
    signatureErrorStatus: z.union([z.literal(401), z.literal(403)]),
    foreignObjectError: z.enum(["UnauthorizedAccess", "ResourceNotFound"]),
    amountMismatchStatus: z.union([z.literal(400), z.literal(422)]),
    rejectPendingWithAuthorizeWithCapture: z.boolean(),
    softDescriptorRequiresCapture: z.boolean(),
    pendingInstrumentWithoutPrerequisite: z.enum(["error", "decline", "authorize"]),
    completeExpiredSessionError: z.enum(["InvalidCheckoutSessionStatus", "CheckoutSessionCanceled"]),
    closeClosedChargePermission: z.enum(["error", "ok"]),
    idempotencySavesClientErrors: z.boolean(),
    idempotencyScope: z.enum(["merchant", "operation", "target"]),
    buttonDefaultAlgorithm: z.enum(["AMZN-PAY-RSASSA-PSS", "AMZN-PAY-RSASSA-PSS-V2"]),
    buyNowRequireSignedConfig: z.boolean(),
    buyNowCheckCartTotals: z.boolean(),
    overAmountTolerancePercent: z.number().int().min(0).max(1000),
    overAmountToleranceCap: z
      .strictObject({ USD: nonNegativeInt, EUR: nonNegativeInt, GBP: nonNegativeInt, JPY: nonNegativeInt })
      .partial(),
    maxChargesPerChargePermission: positiveInt,
    maxRefundsPerCharge: positiveInt,
    refundedAmountOn: z.enum(["RefundInitiated", "Refunded"]),
    hardDeclineMakesChargePermissionNonChargeable: z.boolean(),
    fullyCapturedClosureReason: z.string().min(1).nullable(),
    cancelUrlIncludesSessionId: z.boolean(),
    sessionExpiryHours: z.number().positive(),
    sessionRetentionDays: z.number().positive(),
    authorizationValidityDays: z.number().positive(),
    synchronousCaptureDays: z.number().nonnegative(),
    chargePermissionValidityDays: z.number().positive(),
    extendedChargePermissionValidityDays: z.number().positive(),
    buyerTokenValidityHours: z.number().positive(),
    ipn: ipnPatchSchema,
    ...afterSalePatchShape,
    ...regionPatchShape,
  })
  .partial();

export type ConfigPatch = z.input<typeof configPatchSchema>;

export function applyConfigPatch(
  base: EmulatorConfig,
  patch: z.output<typeof configPatchSchema>,
): EmulatorConfig {
  const { ipn, overAmountToleranceCap, fees, exchangeRates, ...rest } = patch;
  const defined = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as Partial<EmulatorConfig>;
  return {
    ...base,
    ...defined,
    overAmountToleranceCap: {
      ...base.overAmountToleranceCap,
      ...stripUndefined(overAmountToleranceCap ?? {}),
    },
    ipn: { ...base.ipn, ...stripUndefined(ipn ?? {}) },
    fees: mergeFees(base.fees, fees),
    exchangeRates: mergeExchangeRates(base.exchangeRates, exchangeRates),
  };
}

function stripUndefined<T extends object>(value: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}
