// Checkout Session operations: create, get, update, complete and finalize.
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import { checkoutSessionSchema, type CheckoutSession } from "../schemas/checkout-session";
import {
  completeCheckoutSessionRequestSchema,
  createCheckoutSessionRequestSchema,
  finalizeCheckoutSessionRequestSchema,
  updateCheckoutSessionRequestSchema,
  type CompleteCheckoutSessionBody,
  type CreateCheckoutSessionBody,
  type FinalizeCheckoutSessionBody,
  type UpdateCheckoutSessionBody,
} from "../schemas/checkout-session-requests";
import { segment, type CallOperation, type Result } from "./operation";

export interface CheckoutSessionOperations {
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
}

const sessionPath = (operation: string, id: string) =>
  `/v2/checkoutSessions/${segment(operation, "checkoutSessionId", id)}`;

export function checkoutSessionOperations(call: CallOperation): CheckoutSessionOperations {
  return {
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
  };
}
