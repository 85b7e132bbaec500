// IPNs after the sale: a signed CHARGEBACK notification for each state of a dispute, and a
// CHARGE_PERMISSION ATTRIBUTE_CHANGE when the buyer changes the payment method of a Chargeable
// permission.
import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { snsStringToSign } from "../../src/ipn/sns";
import {
  call,
  chooseOnHostedPage,
  clickButton,
  emulatorJson,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  visit,
} from "../helpers";
import { capturedCheckout, certificateFor, emulator, merchant, receiver, setUpIpn, USD } from "./harness";

setUpIpn();

const delivered = async () => {
  await emulator.emulator.ipn.idle();
  return receiver.deliveries.map((d) => {
    const envelope = JSON.parse(d.body) as Record<string, string>;
    return { envelope, message: JSON.parse(envelope.Message!) as Record<string, string> };
  });
};

/** A Confirm checkout: its permission stays Chargeable. */
async function confirmedCheckout(): Promise<string> {
  const id = await clickButton(emulator, merchant, {
    webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
    storeId: merchant.record.storeId,
  });
  await chooseOnHostedPage(emulator, id);
  await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent: "Confirm", chargeAmount: USD("20.00") },
    },
  });
  await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  const done = await call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount: USD("20.00") },
  });
  return String(done.body.chargePermissionId);
}

describe("IPNs after the sale", () => {
  it("sends a signed CHARGEBACK STATE_CHANGE when a dispute opens and when it is decided", async () => {
    const { chargeId, chargePermissionId } = await capturedCheckout();
    await emulator.emulator.ipn.idle();
    receiver.deliveries.length = 0;
    const opened = await emulatorJson<{ disputeId: string }>(emulator, "/__emulator/disputes", {
      body: { chargeId },
    });
    const { disputeId } = opened.body;
    await emulatorJson(emulator, `/__emulator/disputes/${disputeId}/settle`, { body: { outcome: "lost" } });
    const deliveries = await delivered();
    expect(deliveries.map((d) => d.message)).toEqual([
      expect.objectContaining({
        MerchantID: merchant.record.merchantId,
        ObjectType: "CHARGEBACK",
        ObjectId: disputeId,
        ChargePermissionId: chargePermissionId,
        NotificationType: "STATE_CHANGE",
        NotificationVersion: "V2",
      }),
      expect.objectContaining({
        ObjectType: "CHARGEBACK",
        ObjectId: disputeId,
        NotificationType: "STATE_CHANGE",
      }),
    ]);
    expect(
      emulator.emulator.ipn
        .list()
        .slice(-2)
        .map((r) => r.objectState),
    ).toEqual(["ActionRequired", "Resolved"]);
    const { envelope } = deliveries[0]!;
    const certificate = await certificateFor(envelope);
    expect(
      verify(
        "sha1",
        Buffer.from(snsStringToSign(envelope)),
        certificate.publicKey,
        Buffer.from(envelope.Signature!, "base64"),
      ),
    ).toBe(true);
  });

  it("sends ATTRIBUTE_CHANGE when the buyer picks another payment method for a Chargeable permission", async () => {
    const chargePermissionId = await confirmedCheckout();
    await emulator.emulator.ipn.idle();
    receiver.deliveries.length = 0;
    const page = await postForm(emulator, `/jr/your-account/ba/${chargePermissionId}`, {
      paymentMethodId: "amex-0005",
    });
    expect(page.status).toBe(200);
    const deliveries = await delivered();
    expect(deliveries.map((d) => d.message)).toEqual([
      expect.objectContaining({
        ObjectType: "CHARGE_PERMISSION",
        ObjectId: chargePermissionId,
        NotificationType: "ATTRIBUTE_CHANGE",
      }),
    ]);
  });
});
