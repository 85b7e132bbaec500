import { describe, it } from "vitest";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import { uploadedFileResponse } from "../test-fixtures/after-sale-responses";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";

const capture = captureServerPerFile();

const operations: OperationCase[] = [
  {
    name: "files.upload",
    method: "POST",
    path: "/v2/files",
    status: 200,
    response: uploadedFileResponse,
    idempotencyKey: "file-1",
    body: { type: "pdf", purpose: "disputeEvidence" },
    call: (c) => c.files.upload({ type: "pdf", purpose: "disputeEvidence" }, { idempotencyKey: "file-1" }),
  },
];

describe("File operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
