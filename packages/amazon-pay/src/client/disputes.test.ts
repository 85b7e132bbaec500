import { describe, expect, it } from "vitest";
import { AmazonPayError } from "../errors";
import { type ContestDisputeBody, type UpdateDisputeBody } from "../schemas/dispute";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import { DISPUTE_ID, disputeResponse, FILE_ID } from "../test-fixtures/after-sale-responses";
import {
  captureServerPerFile,
  expectSignedOperation,
  type OperationCase,
} from "../test-fixtures/client-harness";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();

const accepted: UpdateDisputeBody = {
  statusDetails: { state: "Resolved", resolution: "BuyerWon", reasonCode: "MerchantAcceptedDispute" },
};
const evidences: ContestDisputeBody = {
  merchantEvidences: [
    { evidenceType: "TrackingNumber", evidenceText: "1Z999AA10123456784" },
    { evidenceType: "Receipt", fileId: FILE_ID },
  ],
};

const operations: OperationCase[] = [
  {
    name: "disputes.get",
    method: "GET",
    path: `/v2/disputes/${DISPUTE_ID}`,
    status: 200,
    response: disputeResponse,
    body: "",
    call: (c) => c.disputes.get(DISPUTE_ID),
  },
  {
    name: "disputes.update",
    method: "PATCH",
    path: `/v2/disputes/${DISPUTE_ID}`,
    status: 200,
    response: disputeResponse,
    body: accepted,
    call: (c) => c.disputes.update(DISPUTE_ID, accepted),
  },
  {
    name: "disputes.contest",
    method: "POST",
    path: `/v2/disputes/${DISPUTE_ID}/contest`,
    status: 200,
    response: disputeResponse,
    idempotencyKey: "contest-1",
    body: evidences,
    call: (c) => c.disputes.contest(DISPUTE_ID, evidences, { idempotencyKey: "contest-1" }),
  },
];

describe("Dispute operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});

describe("Dispute requests are checked before sending", () => {
  it("refuses an evidence with neither a file nor a text, and an empty evidence list", async () => {
    const { client } = testClient(capture.server.url);
    const before = capture.server.requests.length;
    for (const body of [
      { merchantEvidences: [{ evidenceType: "Receipt" as const }] },
      { merchantEvidences: [] },
    ]) {
      await expect(client.disputes.contest(DISPUTE_ID, body)).rejects.toSatisfy(
        (error) => error instanceof AmazonPayError && error.kind === "invalid-request",
      );
    }
    expect(capture.server.requests.length).toBe(before);
  });
});
