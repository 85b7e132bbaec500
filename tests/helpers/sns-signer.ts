// A throwaway SNS signing identity for tests: a self-signed X.509 certificate (node-forge)
// and a signer that produces envelopes exactly as AWS SNS signs them. trustSnsIdentity() makes
// the shop's IPN handler accept that certificate.
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import forge from "node-forge";
import { snsStringToSign, type SnsEnvelope } from "@/lib/reconciliation/ipn/sns-message";
import { createSnsVerifier } from "@/lib/reconciliation/ipn/sns-verifier";

/** Where AWS serves an SNS signing certificate; the verifier accepts https SNS hosts only. */
export const SNS_CERT_URL =
  "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";
const TEST_TOPIC = "arn:aws:sns:us-east-1:000000000000:amazon-pay-test";

/** What an Amazon Pay IPN names: the topic it comes from, the merchant and the changed object. */
export interface AmazonPayIpn {
  topicArn: string;
  merchantId: string;
  objectType: string;
  objectId: string;
  chargePermissionId: string | null;
}

export function createSnsIdentity(options: { validFrom?: Date; validTo?: Date } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = "01";
  cert.validity.notBefore = options.validFrom ?? new Date(Date.now() - 60_000);
  cert.validity.notAfter = options.validTo ?? new Date(Date.now() + 365 * 24 * 3600_000);
  const attrs = [{ name: "commonName", value: "sns.test.amazonaws.com" }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    forge.md.sha256.create(),
  );
  const certPem = forge.pki.certificateToPem(cert);

  function signEnvelope(
    unsigned: Omit<SnsEnvelope, "Signature" | "SignatureVersion">,
    version: "1" | "2" = "1",
  ): SnsEnvelope {
    const envelope = { ...unsigned, SignatureVersion: version, Signature: "" } as SnsEnvelope;
    const signature = sign(
      version === "1" ? "sha1" : "sha256",
      Buffer.from(snsStringToSign(envelope), "utf8"),
      privateKey,
    ).toString("base64");
    return { ...envelope, Signature: signature };
  }

  function notification(
    message: unknown,
    certUrl: string,
    version: "1" | "2" = "1",
    topicArn = TEST_TOPIC,
  ): SnsEnvelope {
    return signEnvelope(
      {
        Type: "Notification",
        MessageId: randomUUID(),
        TopicArn: topicArn,
        Message: JSON.stringify(message),
        Timestamp: new Date().toISOString(),
        SigningCertURL: certUrl,
      } as Omit<SnsEnvelope, "Signature" | "SignatureVersion">,
      version,
    );
  }

  /** A state change of one Amazon Pay object, as SNS delivers its IPN. */
  function amazonPayIpn(ipn: AmazonPayIpn): SnsEnvelope {
    const message = {
      MerchantID: ipn.merchantId,
      ObjectType: ipn.objectType,
      ObjectId: ipn.objectId,
      ChargePermissionId: ipn.chargePermissionId,
      NotificationType: "STATE_CHANGE",
      NotificationId: randomUUID(),
      NotificationVersion: "V2",
    };
    return notification(message, SNS_CERT_URL, "1", ipn.topicArn);
  }

  return { certPem, signEnvelope, notification, amazonPayIpn };
}

const verifierHolder = globalThis as unknown as { __storefrontSnsVerifier?: unknown };

/** The shop's IPN handler trusts this identity's certificate until the returned undo is called. */
export function trustSnsIdentity(identity: { certPem: string }): () => void {
  verifierHolder.__storefrontSnsVerifier = createSnsVerifier({
    fetchCertificate: async () => identity.certPem,
  });
  return () => delete verifierHolder.__storefrontSnsVerifier;
}
