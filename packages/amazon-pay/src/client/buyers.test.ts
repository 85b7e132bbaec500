import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { buyerResponse } from "../test-fixtures/responses";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "buyers.get",
    method: "GET",
    path: "/v2/buyers/BUYER-TOKEN-1",
    status: 200,
    response: buyerResponse,
    body: "",
    call: (c) => c.buyers.get("BUYER-TOKEN-1"),
  },
];

describe("Buyer operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
