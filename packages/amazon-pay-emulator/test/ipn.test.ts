// IPNs: SNS envelopes signed like AWS signs them, verifiable with the certificate the emulator
// serves; retries; fault-injected drops; subscription confirmation; replay.
import { X509Certificate, verify } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { snsStringToSign } from "../src/ipn/sns";
import {
  addMerchant,
  call,
  chooseOnHostedPage,
  clickButton,
  eventually,
  RESULT_URL,
  REVIEW_URL,
  emulatorJson,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "./helpers";
import { startIpnReceiver } from "./ipn-receiver";

let emulator: RunningEmulator;
let merchant: TestMerchant;
let receiver: Awaited<ReturnType<typeof startIpnReceiver>>;

beforeAll(async () => {
  receiver = await startIpnReceiver();
  emulator = await startTestEmulator({ config: { asyncDelayMs: 50 } });
  merchant = addMerchant(emulator, { ipnUrl: receiver.url });
});
beforeEach(async () => {
  // Deliveries still in flight from the previous test must not reach this one's receiver.
  await emulator.emulator.ipn.idle();
  emulator.emulator.reset();
  receiver.deliveries.length = 0;
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const USD = (amount: string) => ({ amount, currencyCode: "USD" });

/** A completed AuthorizeWithCapture checkout; returns its charge id and permission id. */
async function capturedCheckout(): Promise<{ chargeId: string; chargePermissionId: string }> {
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
      paymentDetails: { paymentIntent: "AuthorizeWithCapture", chargeAmount: USD("20.00") },
    },
  });
  await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  const done = await call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount: USD("20.00") },
  });
  return { chargeId: String(done.body.chargeId), chargePermissionId: String(done.body.chargePermissionId) };
}

async function certificateFor(envelope: Record<string, string>): Promise<X509Certificate> {
  const response = await fetch(envelope.SigningCertURL!);
  expect(response.status).toBe(200);
  return new X509Certificate(await response.text());
}

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

  it("retries non-2xx answers with back-off, up to the configured attempts", async () => {
    const notify = () =>
      emulator.emulator.notify(
        {
          MerchantID: merchant.record.merchantId,
          ObjectType: "CHARGE",
          ObjectId: "S01-0000000-0000000-C000001",
          ChargePermissionId: "S01-0000000-0000000",
          NotificationType: "STATE_CHANGE",
        },
        "Captured",
      );
    receiver.failNext(500, 503);
    const recovered = notify()!;
    await emulator.emulator.ipn.idle();
    expect(recovered.status).toBe("delivered");
    expect(recovered.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(receiver.deliveries.map((d) => d.body)).toEqual(
      [recovered, recovered, recovered].map((r) => JSON.stringify(r.envelope)),
    );
    receiver.failNext(500, 500, 500, 500);
    const failed = notify()!;
    await emulator.emulator.ipn.idle();
    expect(failed.status).toBe("failed");
    expect(failed.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500]);
  });

  it("retries network errors too", async () => {
    const unreachable = addMerchant(emulator, {
      keyIndex: 0,
      publicKeyId: "SANDBOX-UNREACHABLEIPN",
      ipnUrl: "http://127.0.0.1:9/ipn",
    });
    emulator.emulator.updateConfig({ ipn: { maxAttempts: 2 } });
    try {
      emulator.emulator.notify(
        {
          MerchantID: unreachable.record.merchantId,
          ObjectType: "CHARGE",
          ObjectId: "S01-0000000-0000000-C000000",
          ChargePermissionId: "S01-0000000-0000000",
          NotificationType: "STATE_CHANGE",
        },
        "Captured",
      );
      await emulator.emulator.ipn.idle();
      const record = emulator.emulator.ipn.list()[0]!;
      expect(record.status).toBe("failed");
      expect(record.attempts.map((a) => a.error !== null)).toEqual([true, true]);
    } finally {
      emulator.emulator.updateConfig({ ipn: { maxAttempts: 4 } });
    }
  });

  it("drops the next N deliveries when told to, and replays them on request", async () => {
    expect(
      (await emulatorJson(emulator, "/__emulator/faults", { body: { fault: "dropIpn", count: 2 } })).status,
    ).toBe(201);
    await capturedCheckout();
    await emulator.emulator.ipn.idle();
    const log = emulator.emulator.ipn.list();
    expect(log.map((n) => n.status)).toEqual(["dropped", "dropped", "delivered"]);
    expect(receiver.deliveries).toHaveLength(1);
    const replay = await emulatorJson<{ replays: number }>(emulator, `/__emulator/ipn/${log[0]!.id}/replay`, {
      method: "POST",
    });
    expect(replay.status).toBe(202);
    await emulator.emulator.ipn.idle();
    expect(receiver.deliveries).toHaveLength(2);
    expect(JSON.parse(receiver.deliveries[1]!.body)).toEqual(log[0]!.envelope);
    expect((await emulatorJson(emulator, "/__emulator/ipn/nope/replay", { method: "POST" })).status).toBe(
      404,
    );
  });

  it("lists IPNs with their delivery status in GET /__emulator/state", async () => {
    await capturedCheckout();
    await emulator.emulator.ipn.idle();
    const state = await emulatorJson<{ ipns: { status: string; message: { ObjectType: string } }[] }>(
      emulator,
      "/__emulator/state",
    );
    expect(state.body.ipns.map((n) => [n.message.ObjectType, n.status])).toEqual([
      ["CHARGE_PERMISSION", "delivered"],
      ["CHARGE", "delivered"],
      ["CHARGE_PERMISSION", "delivered"],
    ]);
  });

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
