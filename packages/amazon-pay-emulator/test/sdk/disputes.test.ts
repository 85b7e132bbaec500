// The official Node SDK against the emulator over TLS: Get, Update and Contest Dispute and Upload
// File, with the response keys of the SDK's own tests.
import { describe, expect, it } from "vitest";
import { emulatorJson } from "../helpers";
import {
  chargeablePermission,
  emulator,
  expectSdkError,
  keyHeaders,
  setUpSdk,
  USD,
  webStore,
  webStoreV2,
} from "./harness";

setUpSdk();

const DISPUTE_KEYS = [
  "disputeId",
  "chargeId",
  "disputeType",
  "disputeAmount",
  "filingReason",
  "resolutionAuthority",
  "statusDetails",
  "merchantResponseDeadline",
  "releaseEnvironment",
];
const FILE_KEYS = ["id", "type", "purpose", "url", "size", "uploadTimestamp", "urlExpirationTimestamp"];

async function chargeback(): Promise<string> {
  const permissionId = await chargeablePermission(webStore);
  const charge = await webStore.createCharge(
    { chargePermissionId: permissionId, chargeAmount: USD("30.00"), captureNow: true },
    keyHeaders(),
  );
  const opened = await emulatorJson<{ disputeId: string }>(emulator, "/__emulator/disputes", {
    body: { chargeId: charge.data.chargeId },
  });
  return opened.body.disputeId;
}

describe("official Node SDK over TLS: disputes and files", () => {
  it("gets a dispute, uploads evidence and contests it", async () => {
    const disputeId = await chargeback();
    for (const client of [webStore, webStoreV2]) {
      const got = await client.getDispute(disputeId, keyHeaders());
      expect(got.status).toBe(200);
      expect(Object.keys(got.data)).toEqual(expect.arrayContaining(DISPUTE_KEYS));
    }
    const file = await webStore.uploadFile({ type: "jpg", purpose: "disputeEvidence" }, keyHeaders());
    expect(file.status).toBe(200);
    expect(Object.keys(file.data)).toEqual(FILE_KEYS);
    expect((await fetch(String(file.data.url), { method: "PUT", body: "jpeg bytes" })).status).toBe(200);
    const contested = await webStore.contestDispute(
      disputeId,
      {
        merchantEvidences: [
          {
            evidenceType: "TrackingNumber",
            fileId: null,
            evidenceText: "raw text supporting merchant evidence",
          },
          { evidenceType: "CustomerSignature", fileId: file.data.id, evidenceText: null },
        ],
      },
      keyHeaders(),
    );
    expect(contested.status).toBe(200);
    expect(Object.keys(contested.data)).toEqual(expect.arrayContaining(DISPUTE_KEYS));
    expect(contested.data.statusDetails).toMatchObject({ state: "UnderReview" });
  });

  it("accepts a dispute with Update Dispute and refuses what only the resolution authority may do", async () => {
    const disputeId = await chargeback();
    await expectSdkError(
      webStore.updateDispute(disputeId, {
        statusDetails: {
          resolution: "MerchantWon",
          state: "Resolved",
          reasonCode: "MerchantAcceptedDispute",
          reasonDescription: "Merchant accepted the dispute request",
        },
        closureTimestamp: Date.now(),
      }),
      400,
      "InvalidParameterValue",
    );
    const accepted = await webStore.updateDispute(disputeId, {
      statusDetails: {
        state: "Resolved",
        reasonCode: "MerchantAcceptedDispute",
        reasonDescription: "Accepted",
      },
      closureTimestamp: Date.now(),
    });
    expect(accepted.status).toBe(200);
    expect(Object.keys(accepted.data)).toEqual(expect.arrayContaining(DISPUTE_KEYS));
    expect(accepted.data.statusDetails).toMatchObject({ state: "Resolved", resolution: "BuyerWon" });
    await expectSdkError(
      webStore.contestDispute(
        disputeId,
        { merchantEvidences: [{ evidenceType: "Other", evidenceText: "late" }] },
        keyHeaders(),
      ),
      422,
      "InvalidDisputeStatus",
    );
  });

  it("answers documented errors", async () => {
    await expectSdkError(webStore.getDispute("S01-0000000-0000000-B000000"), 404, "ResourceNotFound");
    await expectSdkError(
      webStore.uploadFile({ type: "exe", purpose: "disputeEvidence" }, keyHeaders()),
      400,
      "InvalidParameterValue",
    );
    await expectSdkError(
      webStore.uploadFile({ type: "jpg", purpose: "disputeEvidence" }, null),
      400,
      "MissingHeader",
    );
    const disputeId = await chargeback();
    await expectSdkError(
      webStore.contestDispute(disputeId, {
        merchantEvidences: [{ evidenceType: "TrackingNumber", fileId: "ababcbchdhdhhduathcfjhf" }],
      }),
      400,
      "InvalidParameterValue",
    );
    await expectSdkError(
      webStore.contestDispute(disputeId, { merchantEvidences: [] }),
      400,
      "InvalidParameterValue",
    );
  });
});
