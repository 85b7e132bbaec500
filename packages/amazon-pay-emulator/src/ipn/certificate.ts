// The key and self-signed X.509 certificate the emulator signs SNS messages with, created on first
// start and kept in the data folder. Served at SigningCertURL so IPN receivers verify emulator
// messages exactly as they verify Amazon's (only the trusted certificate host differs).
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";

export interface SigningIdentity {
  privateKey: KeyObject;
  certificatePem: string;
  /** Stable name part of the certificate URL: SimpleNotificationService-<hash>.pem */
  certificateHash: string;
}

const KEY_FILE = "sns-signing-key.pem";
const CERT_FILE = "sns-signing-cert.pem";

function createIdentityFiles(): { keyPem: string; certificatePem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  const notBefore = new Date(Date.now() - 86_400_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [
    { name: "commonName", value: "sns.emulator.amazon-pay.local" },
    { name: "organizationName", value: "Local Amazon Pay emulator" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certificatePem: forge.pki.certificateToPem(cert) };
}

function identityFrom(keyPem: string, certificatePem: string): SigningIdentity {
  return {
    privateKey: createPrivateKey(keyPem),
    certificatePem,
    certificateHash: createHash("sha256").update(certificatePem).digest("hex").slice(0, 32),
  };
}

/** Loads the signing identity from `dataDir`, creating it there on first use; in memory when null. */
export function loadSigningIdentity(dataDir: string | null): SigningIdentity {
  if (!dataDir) {
    const fresh = createIdentityFiles();
    return identityFrom(fresh.keyPem, fresh.certificatePem);
  }
  const keyFile = path.join(dataDir, KEY_FILE);
  const certFile = path.join(dataDir, CERT_FILE);
  try {
    return identityFrom(readFileSync(keyFile, "utf8"), readFileSync(certFile, "utf8"));
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const fresh = createIdentityFiles();
    writeFileSync(keyFile, fresh.keyPem, { mode: 0o600 });
    writeFileSync(certFile, fresh.certificatePem);
    return identityFrom(fresh.keyPem, fresh.certificatePem);
  }
}
