import { describe, expect, it, vi } from "vitest";
import { createSnsIdentity } from "@/tests/helpers/sns-signer";
import { snsEnvelopeSchema, type SnsEnvelope } from "./sns-message";
import { createSnsVerifier } from "./sns-verifier";

const identity = createSnsIdentity();
const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem";
const ipn = {
  MerchantID: "A1",
  ObjectType: "CHARGE",
  ObjectId: "S01-1-1-C1",
  ChargePermissionId: "S01-1-1",
  NotificationType: "STATE_CHANGE",
  NotificationId: "n-1",
  NotificationVersion: "V2",
};

function verifier(certPem = identity.certPem, extra: Parameters<typeof createSnsVerifier>[0] = {}) {
  const fetchCertificate = vi.fn(async () => certPem);
  return { fetchCertificate, verifier: createSnsVerifier({ fetchCertificate, ...extra }) };
}

describe("SNS signature verification", () => {
  it.each(["1", "2"] as const)("accepts a genuine SignatureVersion %s notification", async (version) => {
    const { verifier: v } = verifier();
    const message = snsEnvelopeSchema.parse(identity.notification(ipn, CERT_URL, version));
    expect(await v.verify(message)).toEqual({ ok: true });
  });

  it("rejects any change to a signed field", async () => {
    const { verifier: v } = verifier();
    const genuine = identity.notification(ipn, CERT_URL);
    for (const tampered of [
      { ...genuine, Message: genuine.Message.replace("STATE_CHANGE", "ATTRIBUTE_CHANGE") },
      { ...genuine, MessageId: "other" },
      { ...genuine, Timestamp: new Date(0).toISOString() },
      { ...genuine, TopicArn: "arn:aws:sns:us-east-1:1:evil" },
      { ...genuine, SignatureVersion: "2" as const },
    ]) {
      expect(await v.verify(tampered as SnsEnvelope)).toMatchObject({
        ok: false,
        reason: "signature does not verify",
      });
    }
  });

  it("rejects a message signed by another key", async () => {
    const { verifier: v } = verifier();
    const forged = createSnsIdentity().notification(ipn, CERT_URL);
    expect(await v.verify(forged)).toMatchObject({ ok: false });
  });

  it("only fetches certificates from allowed https hosts", async () => {
    const { verifier: v, fetchCertificate } = verifier();
    for (const [url, reason] of [
      ["http://sns.us-east-1.amazonaws.com/cert.pem", "https"],
      ["https://sns.us-east-1.amazonaws.com.evil.com/cert.pem", "not allowed"],
      ["https://evil.com/sns.us-east-1.amazonaws.com/cert.pem", "not allowed"],
      ["https://sns.us-east-1.amazonaws.com/cert.txt", ".pem"],
      ["https://user:pw@sns.us-east-1.amazonaws.com/cert.pem", "credentials"],
      ["not a url", "not a URL"],
    ] as const) {
      expect(await v.verify(identity.notification(ipn, url))).toMatchObject({
        ok: false,
        reason: expect.stringContaining(reason),
      });
    }
    expect(fetchCertificate).not.toHaveBeenCalled();
  });

  it("trusts an explicitly configured local origin over http", async () => {
    const { verifier: v } = verifier(identity.certPem, { trustedOrigins: ["http://127.0.0.1:4010"] });
    expect(
      await v.verify(identity.notification(ipn, "http://127.0.0.1:4010/__emulator/sns/cert.pem")),
    ).toEqual({ ok: true });
    expect(
      await v.verify(identity.notification(ipn, "http://127.0.0.1:4011/__emulator/sns/cert.pem")),
    ).toMatchObject({ ok: false });
  });

  it("caches the certificate, and retries a failed download", async () => {
    const { verifier: v, fetchCertificate } = verifier();
    await v.verify(identity.notification(ipn, CERT_URL));
    await v.verify(identity.notification(ipn, CERT_URL));
    expect(fetchCertificate).toHaveBeenCalledTimes(1);

    let calls = 0;
    const flaky = createSnsVerifier({
      fetchCertificate: async () => (++calls === 1 ? Promise.reject(new Error("timeout")) : identity.certPem),
    });
    expect(await flaky.verify(identity.notification(ipn, CERT_URL))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("unavailable"),
    });
    expect(await flaky.verify(identity.notification(ipn, CERT_URL))).toEqual({ ok: true });
  });

  it("rejects an expired certificate", async () => {
    const expired = createSnsIdentity({
      validFrom: new Date(Date.now() - 10 * 86_400_000),
      validTo: new Date(Date.now() - 86_400_000),
    });
    const { verifier: v } = verifier(expired.certPem);
    expect(await v.verify(expired.notification(ipn, CERT_URL))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not valid"),
    });
  });

  it("verifies subscription confirmations over their own field list", async () => {
    const { verifier: v } = verifier();
    const confirmation = identity.signEnvelope({
      Type: "SubscriptionConfirmation",
      MessageId: "m",
      TopicArn: "arn:aws:sns:us-east-1:0:t",
      Message: "You have chosen to subscribe",
      Timestamp: new Date().toISOString(),
      SigningCertURL: CERT_URL,
      SubscribeURL: "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription",
      Token: "tok",
    } as Omit<SnsEnvelope, "Signature" | "SignatureVersion">);
    expect(await v.verify(snsEnvelopeSchema.parse(confirmation))).toEqual({ ok: true });
    expect(await v.verify({ ...confirmation, Token: "other" } as SnsEnvelope)).toMatchObject({ ok: false });
  });
});
