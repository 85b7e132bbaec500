// A self-signed certificate for 127.0.0.1, to prove that TLS verification stays on.
import forge from "node-forge";
import { rsaKeyPair } from "./keys";

export function selfSignedCertificate(): { key: string; cert: string } {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 3_600_000);
  const subject = [{ name: "commonName", value: "127.0.0.1" }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }]);
  cert.sign(forge.pki.privateKeyFromPem(keys.pkcs1Pem), forge.md.sha256.create());
  return { key: keys.pkcs8Pem, cert: forge.pki.certificateToPem(cert) };
}
