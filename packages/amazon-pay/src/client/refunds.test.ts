import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  captureServerPerFile,
  expectSignedOperation,
  usd,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { refundResponse, CHARGE_ID, REFUND_ID } from "../test-fixtures/responses";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "refunds.create",
    method: "POST",
    path: "/v2/refunds",
    status: 201,
    response: refundResponse,
    idempotencyKey: "refund-1",
    call: (c) =>
      c.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("5") }, { idempotencyKey: "refund-1" }),
    body: { chargeId: CHARGE_ID, refundAmount: usd("5.00") },
  },
  {
    name: "refunds.get",
    method: "GET",
    path: `/v2/refunds/${REFUND_ID}`,
    status: 200,
    response: refundResponse,
    body: "",
    call: (c) => c.refunds.get(REFUND_ID),
  },
];

describe("Refund operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
