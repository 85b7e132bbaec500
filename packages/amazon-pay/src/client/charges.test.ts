import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  captureServerPerFile,
  expectSignedOperation,
  usd,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { chargeResponse, CHARGE_ID, CHARGE_PERMISSION_ID } from "../test-fixtures/responses";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "charges.create",
    method: "POST",
    path: "/v2/charges",
    status: 201,
    response: chargeResponse,
    idempotencyKey: "charge-1",
    call: (c) =>
      c.charges.create(
        {
          chargePermissionId: CHARGE_PERMISSION_ID,
          chargeAmount: usd("14.00"),
          captureNow: true,
          canHandlePendingAuthorization: false,
        },
        { idempotencyKey: "charge-1" },
      ),
    body: {
      chargePermissionId: CHARGE_PERMISSION_ID,
      chargeAmount: usd("14.00"),
      captureNow: true,
      canHandlePendingAuthorization: false,
    },
  },
  {
    name: "charges.get",
    method: "GET",
    path: `/v2/charges/${CHARGE_ID}`,
    status: 200,
    response: chargeResponse,
    body: "",
    call: (c) => c.charges.get(CHARGE_ID),
  },
  {
    name: "charges.capture",
    method: "POST",
    path: `/v2/charges/${CHARGE_ID}/capture`,
    status: 200,
    response: chargeResponse,
    idempotencyKey: "capture-1",
    call: (c) =>
      c.charges.capture(
        CHARGE_ID,
        { captureAmount: usd("14.00"), softDescriptor: "HARBOR PINE" },
        { idempotencyKey: "capture-1" },
      ),
    body: { captureAmount: usd("14.00"), softDescriptor: "HARBOR PINE" },
  },
  {
    name: "charges.cancel",
    method: "DELETE",
    path: `/v2/charges/${CHARGE_ID}/cancel`,
    status: 200,
    response: chargeResponse,
    call: (c) => c.charges.cancel(CHARGE_ID, { cancellationReason: "Out of stock" }),
    body: { cancellationReason: "Out of stock" },
  },
];

describe("Charge operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
