// Refund operations: create and get.
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import {
  createRefundRequestSchema,
  refundSchema,
  type CreateRefundBody,
  type Refund,
} from "../schemas/refund";
import { segment, type CallOperation, type Result } from "./operation";

export interface RefundOperations {
  create(body: CreateRefundBody, options?: IdempotentCallOptions): Result<Refund>;
  get(refundId: string, options?: CallOptions): Result<Refund>;
}

export function refundOperations(call: CallOperation): RefundOperations {
  return {
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
  };
}
