// Error responses: `{ reasonCode, message }` and the documented reason codes.
import { z } from "zod";
import { nullable } from "./lenient";

export const errorResponseSchema = z.looseObject({
  reasonCode: z.string().min(1),
  message: nullable(z.string()),
});
export type ErrorResponse = z.output<typeof errorResponseSchema>;

/** Reason codes any operation may return. */
export const GENERIC_REASON_CODES = [
  "InvalidHeaderValue",
  "InvalidRequest",
  "InvalidParameterValue",
  "InvalidRequestFormat",
  "MissingHeader",
  "MissingHeaderValue",
  "MissingParameterValue",
  "UnrecognizedField",
  "InvalidSandboxSimulationSpecified",
  "DuplicateIdempotencyKey",
  "InvalidParameterCombination",
  "CurrencyMismatch",
  "InvalidAPIVersion",
  "UnauthorizedAccess",
  "InvalidAuthentication",
  "InvalidRequestSignature",
  "InvalidAccountStatus",
  "InvalidAuthorizationToken",
  "ResourceNotFound",
  "UnsupportedOperation",
  "RequestNotSupported",
  "RequestTimeout",
  "TLSVersionNotSupported",
  "TooManyRequests",
  "RequestThrottled",
  "InternalServerError",
  "ServiceUnavailable",
] as const;

/** Reason codes of particular operations, mostly with status 422. */
export const OPERATION_REASON_CODES = [
  "InvalidCheckoutSessionStatus",
  "CheckoutSessionCanceled",
  "AmountMismatch",
  "InvalidChargePermissionStatus",
  "ChargePermissionNotModifiable",
  "TransactionAmountExceeded",
  "PeriodicAmountExceeded",
  "TransactionCountExceeded",
  "SoftDeclined",
  "HardDeclined",
  "PaymentMethodNotAllowed",
  "AmazonRejected",
  "MFANotCompleted",
  "TransactionTimedOut",
  "ProcessingFailure",
  "InvalidChargeStatus",
  "InvalidInputFormat",
] as const;

export const ERROR_REASON_CODES = [...GENERIC_REASON_CODES, ...OPERATION_REASON_CODES] as const;
export type ErrorReasonCode = (typeof ERROR_REASON_CODES)[number];
