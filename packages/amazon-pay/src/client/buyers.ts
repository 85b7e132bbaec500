// Buyer operations: get, by the buyer token of a Sign-in with Amazon redirect.
import { type CallOptions } from "../call-options";
import { buyerSchema, type Buyer } from "../schemas/buyer";
import { segment, type CallOperation, type Result } from "./operation";

export interface BuyerOperations {
  get(buyerToken: string, options?: CallOptions): Result<Buyer>;
}

export function buyerOperations(call: CallOperation): BuyerOperations {
  return {
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
  };
}
