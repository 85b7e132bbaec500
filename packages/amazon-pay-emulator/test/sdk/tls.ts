// TLS for the official Node SDK without the internet: the SDK always calls
// https://pay-api.amazon.{com,eu,jp}. A certificate for those hosts is made here (self-signed,
// trusted only by the agent below), the emulator serves it on a TLS listener, and an https.Agent
// connects every request to that listener while verifying the certificate against the host the
// SDK asked for. The agent becomes the default of the axios instance the SDK itself requires, so
// no DNS entry, no NODE_EXTRA_CA_CERTS and no disabled verification are needed.
import { generateKeyPairSync } from "node:crypto";
import { Agent, type RequestOptions } from "node:https";
import { createRequire } from "node:module";
import { connect } from "node:tls";
import type { Duplex } from "node:stream";
import forge from "node-forge";

export const AMAZON_API_HOSTS = ["pay-api.amazon.com", "pay-api.amazon.eu", "pay-api.amazon.jp"];

/** A key and a self-signed certificate naming Amazon's API hosts. */
export function amazonHostCertificate(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = "01";
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: "commonName", value: AMAZON_API_HOSTS[0] }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true },
    { name: "subjectAltName", altNames: AMAZON_API_HOSTS.map((value) => ({ type: 2, value })) },
  ]);
  const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  cert.sign(forge.pki.privateKeyFromPem(pkcs1), forge.md.sha256.create());
  return {
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    cert: forge.pki.certificateToPem(cert),
  };
}

/** Sends every connection to 127.0.0.1:port, checking the certificate against the requested host. */
export class LocalTlsAgent extends Agent {
  constructor(
    private readonly port: number,
    private readonly trusted: string,
  ) {
    super({ keepAlive: false });
  }

  override createConnection(options: RequestOptions): Duplex {
    const servername = options.servername ?? options.hostname ?? options.host ?? undefined;
    return connect({
      host: "127.0.0.1",
      port: this.port,
      servername: servername ?? undefined,
      ca: this.trusted,
      rejectUnauthorized: true,
    });
  }
}

interface AxiosDefaults {
  defaults: { httpsAgent?: unknown; proxy?: unknown };
}

const sdkEntry = createRequire(import.meta.url).resolve("@amazonpay/amazon-pay-api-sdk-nodejs");

/** The axios module the SDK loads (its own require resolution), whose defaults it uses. */
export const sdkAxios = createRequire(sdkEntry)("axios") as AxiosDefaults;

/** Routes the SDK's https calls to the emulator's TLS port; returns the undo. */
export function routeSdkTo(port: number, trustedCert: string): () => void {
  const previous = { httpsAgent: sdkAxios.defaults.httpsAgent, proxy: sdkAxios.defaults.proxy };
  sdkAxios.defaults.httpsAgent = new LocalTlsAgent(port, trustedCert);
  sdkAxios.defaults.proxy = false;
  return () => {
    sdkAxios.defaults.httpsAgent = previous.httpsAgent;
    sdkAxios.defaults.proxy = previous.proxy;
  };
}
