// Conformance: chargebacks through the typed client — opened by the emulator's developer
// endpoint, read, contested with text and uploaded files, accepted, decided, and expired.
import { beforeEach, describe, expect, it } from "vitest";
import { emulatorJson } from "../helpers";
import { amazonPay, emulator, expectApiError, setUpConformance, USD } from "./harness";
import { capturedCharge, openChargeback, settle } from "./after-sale-harness";

setUpConformance();

beforeEach(() => emulator.emulator.updateConfig({ chargebackResponseDays: 11, fileUploadUrlSeconds: 900 }));

const DAY = 86_400_000;

async function uploadedFile(content = "%PDF-1.4 receipt"): Promise<string> {
  const file = await amazonPay.files.upload({ type: "pdf", purpose: "disputeEvidence" });
  expect(file).toMatchObject({
    status: 200,
    data: { size: null, uploadTimestamp: null, purpose: "disputeEvidence" },
  });
  const put = await fetch(file.data.url, { method: "PUT", body: content });
  expect(put.status).toBe(200);
  return file.data.id;
}

describe("conformance with the typed client: disputes and files", () => {
  it("reads a chargeback: ActionRequired, 11 days to respond, the disputed amount", async () => {
    const charge = await capturedCharge("80.00");
    await amazonPay.refunds.create({ chargeId: charge.chargeId, refundAmount: USD("30.00") });
    emulator.emulator.advanceClock(emulator.emulator.config.asyncDelayMs + 1);
    const opened = await openChargeback(charge.chargeId, { filingReason: "Fraudulent" });
    const { data } = await amazonPay.disputes.get(opened.disputeId);
    expect(data).toMatchObject({
      chargeId: charge.chargeId,
      disputeType: "Chargeback",
      disputeAmount: USD("50.00"),
      filingReason: "Fraudulent",
      statusDetails: { state: "ActionRequired", reasonCode: "MerchantResponseRequired", resolution: null },
      merchantEvidences: [],
      releaseEnvironment: "Sandbox",
    });
    expect(data.disputeId).toMatch(new RegExp(`^${charge.chargePermissionId}-B\\d{6}$`));
    const created = Date.parse(
      data.creationTimestamp!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"),
    );
    const deadline = Date.parse(
      data.merchantResponseDeadline!.replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        "$1-$2-$3T$4:$5:$6Z",
      ),
    );
    expect(deadline - created).toBe(11 * DAY);
  });

  it("contests with text and an uploaded file, goes UnderReview, and is decided", async () => {
    const charge = await capturedCharge();
    const dispute = await openChargeback(charge.chargeId);
    const fileId = await uploadedFile();
    const contested = await amazonPay.disputes.contest(dispute.disputeId, {
      merchantEvidences: [
        { evidenceType: "TrackingNumber", evidenceText: "1Z999AA10123456784" },
        { evidenceType: "Receipt", fileId },
      ],
    });
    expect(contested.status).toBe(200);
    expect(contested.data.statusDetails).toMatchObject({ state: "UnderReview", resolution: null });
    expect(contested.data.merchantEvidences).toEqual([
      { evidenceType: "TrackingNumber", fileId: null, evidenceText: "1Z999AA10123456784" },
      { evidenceType: "Receipt", fileId, evidenceText: null },
    ]);
    await expectApiError(
      amazonPay.disputes.contest(dispute.disputeId, {
        merchantEvidences: [{ evidenceType: "Other", evidenceText: "x" }],
      }),
      422,
      "InvalidDisputeStatus",
    );
    expect((await settle(dispute.disputeId, "won")).status).toBe(200);
    expect((await amazonPay.disputes.get(dispute.disputeId)).data.statusDetails).toMatchObject({
      state: "Resolved",
      reasonCode: "InvestigatorResolved",
      resolution: "MerchantWon",
    });
  });

  it("refuses evidence files that were never uploaded or are someone else's", async () => {
    const charge = await capturedCharge();
    const dispute = await openChargeback(charge.chargeId);
    const empty = await amazonPay.files.upload({ type: "png", purpose: "disputeEvidence" });
    for (const fileId of [empty.data.id, "amzn1.pay.file.000000000000000000000000"]) {
      const error = await expectApiError(
        amazonPay.disputes.contest(dispute.disputeId, {
          merchantEvidences: [{ evidenceType: "Receipt", fileId }],
        }),
        400,
        "InvalidParameterValue",
      );
      expect(error.message).toContain("merchantEvidences[0].fileId");
    }
    emulator.emulator.advanceClock(901_000);
    expect((await fetch(empty.data.url, { method: "PUT", body: "late" })).status).toBe(403);
  });

  it("accepts a dispute with Update Dispute, and refuses any other update", async () => {
    const charge = await capturedCharge();
    const dispute = await openChargeback(charge.chargeId);
    await expectApiError(
      amazonPay.disputes.update(dispute.disputeId, {
        statusDetails: { state: "Resolved", resolution: "MerchantWon", reasonCode: "InvestigatorResolved" },
      }),
      400,
      "InvalidParameterValue",
    );
    const accepted = await amazonPay.disputes.update(dispute.disputeId, {
      statusDetails: { state: "Resolved", reasonCode: "MerchantAcceptedDispute" },
      closureTimestamp: Math.floor(Date.now() / 1000),
    });
    expect(accepted.data.statusDetails).toMatchObject({
      state: "Resolved",
      reasonCode: "MerchantAcceptedDispute",
      resolution: "BuyerWon",
    });
    await expectApiError(
      amazonPay.disputes.update(dispute.disputeId, {
        statusDetails: { state: "Resolved", reasonCode: "MerchantAcceptedDispute" },
      }),
      422,
      "InvalidDisputeStatus",
    );
  });

  it("resolves for the buyer when the response deadline passes, and asks again for evidence", async () => {
    const charge = await capturedCharge();
    const ignored = await openChargeback(charge.chargeId);
    emulator.emulator.advanceClock(11 * DAY + 1_000);
    expect((await amazonPay.disputes.get(ignored.disputeId)).data.statusDetails).toMatchObject({
      state: "Resolved",
      reasonCode: "MerchantResponseDeadlineExpired",
      resolution: "BuyerWon",
    });
    const again = await openChargeback(charge.chargeId, { amount: "10.00" });
    expect(again.disputeAmount).toEqual(USD("10.00"));
    await amazonPay.disputes.contest(again.disputeId, {
      merchantEvidences: [{ evidenceType: "Other", evidenceText: "x" }],
    });
    expect((await settle(again.disputeId, "moreEvidence")).body.statusDetails).toMatchObject({
      state: "ActionRequired",
      reasonCode: "MerchantAdditionalEvidencesRequired",
    });
  });

  it("declines a refund of money the buyer already got back through a chargeback", async () => {
    const charge = await capturedCharge("40.00");
    const dispute = await openChargeback(charge.chargeId, { amount: "30.00" });
    await settle(dispute.disputeId, "lost");
    const fits = await amazonPay.refunds.create({ chargeId: charge.chargeId, refundAmount: USD("10.00") });
    const tooMuch = await amazonPay.refunds.create({ chargeId: charge.chargeId, refundAmount: USD("5.00") });
    expect(tooMuch.data.statusDetails.state).toBe("RefundInitiated");
    emulator.emulator.advanceClock(emulator.emulator.config.asyncDelayMs + 1);
    expect((await amazonPay.refunds.get(fits.data.refundId)).data.statusDetails.state).toBe("Refunded");
    expect((await amazonPay.refunds.get(tooMuch.data.refundId)).data.statusDetails).toMatchObject({
      state: "Declined",
      reasonCode: "ProcessingFailure",
    });
  });

  it("opens chargebacks only against captured charges, one at a time", async () => {
    const charge = await capturedCharge();
    await openChargeback(charge.chargeId);
    const twice = await emulatorJson(emulator, "/__emulator/disputes", {
      body: { chargeId: charge.chargeId },
    });
    expect(twice).toMatchObject({ status: 422, body: { reasonCode: "InvalidChargeStatus" } });
    const tooMuch = await emulatorJson(emulator, "/__emulator/disputes", {
      body: { chargeId: (await capturedCharge("5.00")).chargeId, amount: "6.00" },
    });
    expect(tooMuch).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    const unknown = await emulatorJson(emulator, "/__emulator/disputes", {
      body: { chargeId: "S01-0000000-0000000-C000000" },
    });
    expect(unknown.status).toBe(404);
    await expectApiError(amazonPay.disputes.get("S01-0000000-0000000-B000000"), 404, "ResourceNotFound");
  });
});
