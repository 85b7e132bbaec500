// Charge operations: create, get, capture and cancel.
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import {
  cancelChargeRequestSchema,
  captureChargeRequestSchema,
  chargeSchema,
  createChargeRequestSchema,
  type CancelChargeBody,
  type CaptureChargeBody,
  type Charge,
  type CreateChargeBody,
} from "../schemas/charge";
import { segment, type CallOperation, type Result } from "./operation";

export interface ChargeOperations {
  create(body: CreateChargeBody, options?: IdempotentCallOptions): Result<Charge>;
  get(chargeId: string, options?: CallOptions): Result<Charge>;
  capture(chargeId: string, body: CaptureChargeBody, options?: IdempotentCallOptions): Result<Charge>;
  cancel(chargeId: string, body: CancelChargeBody, options?: CallOptions): Result<Charge>;
}

const chargePath = (operation: string, id: string) => `/v2/charges/${segment(operation, "chargeId", id)}`;

export function chargeOperations(call: CallOperation): ChargeOperations {
  return {
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
        { operation: "getCharge", method: "GET", path: chargePath("getCharge", id), response: chargeSchema },
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
  };
}
