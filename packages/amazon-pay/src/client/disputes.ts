// Dispute operations: get, update (accept) and contest with evidence.
import { type CallOptions, type IdempotentCallOptions } from "../call-options";
import {
  contestDisputeRequestSchema,
  disputeSchema,
  updateDisputeRequestSchema,
  type ContestDisputeBody,
  type Dispute,
  type UpdateDisputeBody,
} from "../schemas/dispute";
import { segment, type CallOperation, type Result } from "./operation";

export interface DisputeOperations {
  get(disputeId: string, options?: CallOptions): Result<Dispute>;
  update(disputeId: string, body: UpdateDisputeBody, options?: CallOptions): Result<Dispute>;
  contest(disputeId: string, body: ContestDisputeBody, options?: IdempotentCallOptions): Result<Dispute>;
}

const disputePath = (operation: string, id: string) => `/v2/disputes/${segment(operation, "disputeId", id)}`;

export function disputeOperations(call: CallOperation): DisputeOperations {
  return {
    get: async (id, o) =>
      call(
        {
          operation: "getDispute",
          method: "GET",
          path: disputePath("getDispute", id),
          response: disputeSchema,
        },
        o,
      ),
    update: async (id, body, o) =>
      call(
        {
          operation: "updateDispute",
          method: "PATCH",
          path: disputePath("updateDispute", id),
          request: updateDisputeRequestSchema,
          body,
          response: disputeSchema,
        },
        o,
      ),
    contest: async (id, body, o) =>
      call(
        {
          operation: "contestDispute",
          method: "POST",
          path: `${disputePath("contestDispute", id)}/contest`,
          request: contestDisputeRequestSchema,
          body,
          response: disputeSchema,
        },
        o,
      ),
  };
}
