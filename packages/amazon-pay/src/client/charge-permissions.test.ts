import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { chargePermissionResponse, CHARGE_PERMISSION_ID } from "../test-fixtures/responses";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "chargePermissions.get",
    method: "GET",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}`,
    status: 200,
    response: chargePermissionResponse,
    body: "",
    call: (c) => c.chargePermissions.get(CHARGE_PERMISSION_ID),
  },
  {
    name: "chargePermissions.update",
    method: "PATCH",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}`,
    status: 200,
    response: chargePermissionResponse,
    call: (c) =>
      c.chargePermissions.update(CHARGE_PERMISSION_ID, {
        merchantMetadata: { merchantReferenceId: "HP-1001" },
      }),
    body: { merchantMetadata: { merchantReferenceId: "HP-1001" } },
  },
  {
    name: "chargePermissions.close",
    method: "DELETE",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}/close`,
    status: 200,
    response: chargePermissionResponse,
    call: (c) =>
      c.chargePermissions.close(CHARGE_PERMISSION_ID, {
        closureReason: "Order canceled",
        cancelPendingCharges: true,
      }),
    body: { closureReason: "Order canceled", cancelPendingCharges: true },
  },
];

describe("Charge Permission operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
