// IPNs: subscription confirmation, and merchants without an IPN URL.
import { verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMerchant, emulatorJson } from "../helpers";
import { startIpnReceiver } from "../ipn-receiver";

import { emulator, merchant, receiver, capturedCheckout, certificateFor, setUpIpn } from "./harness";

setUpIpn();

describe("IPN delivery", () => {
  it("sends a signed SubscriptionConfirmation when an IPN URL is set, with a SubscribeURL that confirms", async () => {
    emulator.emulator.updateConfig({ ipn: { sendSubscriptionConfirmation: true } });
    try {
      const other = await startIpnReceiver();
      const patched = await emulatorJson(emulator, `/__emulator/merchants/${merchant.publicKeyId}`, {
        method: "PATCH",
        body: { ipnUrl: other.url },
      });
      expect(patched.body.ipnUrl).toBe(other.url);
      await emulator.emulator.ipn.idle();
      expect(other.deliveries).toHaveLength(1);
      const envelope = JSON.parse(other.deliveries[0]!.body) as Record<string, string>;
      expect(other.deliveries[0]!.headers["x-amz-sns-message-type"]).toBe("SubscriptionConfirmation");
      expect(Object.keys(envelope)).toEqual([
        "Type",
        "MessageId",
        "Token",
        "TopicArn",
        "Message",
        "SubscribeURL",
        "Timestamp",
        "SignatureVersion",
        "Signature",
        "SigningCertURL",
      ]);
      const certificate = await certificateFor(envelope);
      const stringToSign = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]
        .map((k) => `${k}\n${envelope[k]}\n`)
        .join("");
      expect(
        verify(
          "sha1",
          Buffer.from(stringToSign),
          certificate.publicKey,
          Buffer.from(envelope.Signature!, "base64"),
        ),
      ).toBe(true);
      const confirmed = await fetch(envelope.SubscribeURL!);
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toContain("<ConfirmSubscriptionResponse");
      await capturedCheckout();
      await emulator.emulator.ipn.idle();
      expect(other.deliveries.length).toBeGreaterThan(1);
      await other.close();
    } finally {
      emulator.emulator.updateConfig({ ipn: { sendSubscriptionConfirmation: false } });
      await emulatorJson(emulator, `/__emulator/merchants/${merchant.publicKeyId}`, {
        method: "PATCH",
        body: { ipnUrl: receiver.url },
      });
    }
  });

  it("records IPNs for merchants without an IPN URL as no-endpoint", async () => {
    const silent = addMerchant(emulator, { publicKeyId: "SANDBOX-NOIPNURL" });
    emulator.emulator.notify(
      {
        MerchantID: silent.record.merchantId,
        ObjectType: "REFUND",
        ObjectId: "r",
        ChargePermissionId: "p",
        NotificationType: "STATE_CHANGE",
      },
      "Refunded",
    );
    expect(emulator.emulator.ipn.list()[0]!.status).toBe("no-endpoint");
  });
});
