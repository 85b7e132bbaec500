// A throwaway SNS signing identity for tests: a self-signed X.509 certificate (node-forge)
// and a signer that produces envelopes exactly as AWS SNS signs them.
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import forge from "node-forge";
import { snsStringToSign, type SnsEnvelope } from "@/lib/reconciliation/ipn/sns-message";

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

  function notification(message: unknown, certUrl: string, version: "1" | "2" = "1"): SnsEnvelope {
    return signEnvelope(
      {
        Type: "Notification",
        MessageId: randomUUID(),
        TopicArn: "arn:aws:sns:us-east-1:000000000000:amazon-pay-test",
        Message: JSON.stringify(message),
        Timestamp: new Date().toISOString(),
        SigningCertURL: certUrl,
      } as Omit<SnsEnvelope, "Signature" | "SignatureVersion">,
      version,
    );
  }

  return { certPem, signEnvelope, notification };
}
