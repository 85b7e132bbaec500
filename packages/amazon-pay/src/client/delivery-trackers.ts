// Delivery Tracker operations: create.
import { type IdempotentCallOptions } from "../call-options";
import {
  createDeliveryTrackerRequestSchema,
  deliveryTrackerSchema,
  type CreateDeliveryTrackerBody,
  type DeliveryTracker,
} from "../schemas/delivery-tracker";
import { type CallOperation, type Result } from "./operation";

export interface DeliveryTrackerOperations {
  create(body: CreateDeliveryTrackerBody, options?: IdempotentCallOptions): Result<DeliveryTracker>;
}

export function deliveryTrackerOperations(call: CallOperation): DeliveryTrackerOperations {
  return {
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
  };
}
