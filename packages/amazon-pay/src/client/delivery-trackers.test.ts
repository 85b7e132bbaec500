import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { deliveryTrackerResponse } from "../test-fixtures/responses";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "deliveryTrackers.create",
    method: "POST",
    path: "/v2/deliveryTrackers",
    status: 200,
    response: deliveryTrackerResponse,
    idempotencyKey: "tracker-1",
    call: (c) =>
      c.deliveryTrackers.create(
        {
          chargePermissionId: "P21-1111111-1111111",
          deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
        },
        { idempotencyKey: "tracker-1" },
      ),
    body: {
      chargePermissionId: "P21-1111111-1111111",
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    },
  },
];

describe("Delivery Tracker operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
