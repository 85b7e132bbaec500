// IPNs: the signed SNS envelope of each state change.
import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { snsStringToSign } from "../../src/ipn/sns";
import { call, eventually } from "../helpers";

import { emulator, merchant, receiver, USD, capturedCheckout, certificateFor, setUpIpn } from "./harness";

setUpIpn();

describe("IPN delivery", () => {
  it("POSTs an SNS Notification envelope per state change, signed with SignatureVersion 1 and the served certificate", async () => {
    const { chargeId, chargePermissionId } = await capturedCheckout();
    await emulator.emulator.ipn.idle();
    const envelopes = receiver.deliveries.map((d) => ({
      ...d,
      envelope: JSON.parse(d.body) as Record<string, string>,
    }));
    const messages = envelopes.map((e) => JSON.parse(e.envelope.Message!) as Record<string, string>);
    // Permission created (Chargeable), charge created (Captured), permission closed (fully captured).
    expect(messages.map((m) => `${m.ObjectType}:${m.ObjectId}`)).toEqual([
      `CHARGE_PERMISSION:${chargePermissionId}`,
      `CHARGE:${chargeId}`,
      `CHARGE_PERMISSION:${chargePermissionId}`,
    ]);
    for (const [i, { headers, envelope }] of envelopes.entries()) {
      expect(headers["content-type"]).toBe("text/plain; charset=UTF-8");
      expect(headers["x-amz-sns-message-type"]).toBe("Notification");
      expect(headers["x-amz-sns-message-id"]).toBe(envelope.MessageId);
      expect(headers["x-amz-sns-topic-arn"]).toBe(envelope.TopicArn);
      expect(Object.keys(envelope)).toEqual([
        "Type",
        "MessageId",
        "TopicArn",
        "Message",
        "Timestamp",
        "SignatureVersion",
        "Signature",
        "SigningCertURL",
        "UnsubscribeURL",
      ]);
      expect(envelope.SignatureVersion).toBe("1");
      expect(envelope.SigningCertURL).toMatch(
        new RegExp(`^${emulator.url}/__emulator/sns/SimpleNotificationService-[0-9a-f]{32}\\.pem$`),
      );
      expect(messages[i]).toMatchObject({
        MerchantID: merchant.record.merchantId,
        ChargePermissionId: chargePermissionId,
        NotificationType: "STATE_CHANGE",
        NotificationVersion: "V2",
      });
      expect(Object.keys(messages[i]!)).toEqual([
        "MerchantID",
        "ObjectType",
        "ObjectId",
        "ChargePermissionId",
        "NotificationType",
        "NotificationId",
        "NotificationVersion",
      ]);
      const certificate = await certificateFor(envelope);
      const stringToSign = `Message\n${envelope.Message}\nMessageId\n${envelope.MessageId}\nTimestamp\n${envelope.Timestamp}\nTopicArn\n${envelope.TopicArn}\nType\n${envelope.Type}\n`;
      expect(snsStringToSign(envelope)).toBe(stringToSign);
      expect(
        verify(
          "sha1",
          Buffer.from(stringToSign),
          certificate.publicKey,
          Buffer.from(envelope.Signature!, "base64"),
        ),
      ).toBe(true);
      expect(
        verify(
          "sha1",
          Buffer.from(stringToSign.replace("STATE_CHANGE", "ATTRIBUTE_CHANGE")),
          certificate.publicKey,
          Buffer.from(envelope.Signature!, "base64"),
        ),
      ).toBe(false);
    }
  });

  it("signs with SHA-256 when SignatureVersion 2 is configured", async () => {
    emulator.emulator.updateConfig({ ipn: { signatureVersion: "2" } });
    try {
      await capturedCheckout();
      await emulator.emulator.ipn.idle();
      const envelope = JSON.parse(receiver.deliveries[0]!.body) as Record<string, string>;
      expect(envelope.SignatureVersion).toBe("2");
      const certificate = await certificateFor(envelope);
      expect(
        verify(
          "sha256",
          Buffer.from(snsStringToSign(envelope)),
          certificate.publicKey,
          Buffer.from(envelope.Signature!, "base64"),
        ),
      ).toBe(true);
    } finally {
      emulator.emulator.updateConfig({ ipn: { signatureVersion: "1" } });
    }
  });

  it("notifies asynchronous refund settlement (RefundInitiated, then Refunded)", async () => {
    const { chargeId } = await capturedCheckout();
    const refund = await call(emulator, merchant, {
      method: "POST",
      path: "/v2/refunds",
      body: { chargeId, refundAmount: USD("5.00") },
    });
    expect(refund.body.statusDetails).toMatchObject({ state: "RefundInitiated" });
    await eventually(
      () =>
        emulator.emulator.ipn.list().filter((n) => n.message?.ObjectId === refund.body.refundId).length ===
          2 || undefined,
    );
    const states = emulator.emulator.ipn
      .list()
      .filter((n) => n.message?.ObjectType === "REFUND")
      .map((n) => n.objectState);
    expect(states).toEqual(["RefundInitiated", "Refunded"]);
  });
});
