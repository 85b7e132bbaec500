// Verifies Amazon SNS message signatures (SignatureVersion 1 = RSA SHA-1, 2 = RSA SHA-256),
// like AWS's own validators: the signing certificate must come from an allowed host over
// https (plain http only for an explicitly trusted emulator origin), is fetched once and
// cached, must be currently valid, and must verify the exact string SNS signs.
import { verify, X509Certificate, type KeyObject } from "node:crypto";
import { snsStringToSign, type SnsEnvelope } from "./sns-message";

export const AWS_SNS_CERT_HOST = /^sns\.[a-z0-9-]{3,}\.amazonaws\.com(\.cn)?$/;

export interface SnsVerifierOptions {
  /** Host names allowed to serve https certificates (default: AWS SNS hosts). */
  allowedHosts?: readonly RegExp[];
  /** Exact origins (scheme://host:port) additionally trusted, e.g. the emulator over http. */
  trustedOrigins?: readonly string[];
  fetchCertificate?: (url: string) => Promise<string>;
  now?: () => Date;
  cacheTtlMs?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

const MAX_CERT_BYTES = 16 * 1024;

async function fetchPem(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`certificate download failed with HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_CERT_BYTES) throw new Error("certificate is too large");
  return text;
}

/** A downloaded certificate as verifying needs it, parsed once: its key and validity period. */
interface SigningCertificate {
  publicKey: KeyObject;
  validFrom: number;
  validTo: number;
}

const signingCertificate = (cert: X509Certificate): SigningCertificate => ({
  publicKey: cert.publicKey,
  validFrom: Date.parse(cert.validFrom),
  validTo: Date.parse(cert.validTo),
});

export function createSnsVerifier(options: SnsVerifierOptions = {}) {
  const allowedHosts = options.allowedHosts ?? [AWS_SNS_CERT_HOST];
  const trustedOrigins = new Set(options.trustedOrigins ?? []);
  const fetchCertificate = options.fetchCertificate ?? fetchPem;
  const now = options.now ?? (() => new Date());
  const ttl = options.cacheTtlMs ?? 24 * 60 * 60 * 1000;
  const cache = new Map<string, { cert: Promise<SigningCertificate>; expires: number }>();

  function checkCertUrl(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return "SigningCertURL is not a URL";
    }
    if (!url.pathname.endsWith(".pem")) return "SigningCertURL does not name a .pem file";
    if (url.username || url.password) return "SigningCertURL must not carry credentials";
    if (trustedOrigins.has(url.origin)) return null;
    if (url.protocol !== "https:") return "SigningCertURL must use https";
    if (!allowedHosts.some((pattern) => pattern.test(url.hostname)))
      return `certificate host ${url.hostname} is not allowed`;
    return null;
  }

  function certificate(url: string): Promise<SigningCertificate> {
    const cached = cache.get(url);
    if (cached && cached.expires > Date.now()) return cached.cert;
    const cert = fetchCertificate(url).then((pem) => signingCertificate(new X509Certificate(pem)));
    cache.set(url, { cert, expires: Date.now() + ttl });
    cert.catch(() => cache.delete(url)); // a failed download is retried next time
    return cert;
  }

  return {
    async verify(message: SnsEnvelope): Promise<VerifyResult> {
      const urlProblem = checkCertUrl(message.SigningCertURL);
      if (urlProblem) return { ok: false, reason: urlProblem };
      let cert: SigningCertificate;
      try {
        cert = await certificate(message.SigningCertURL);
      } catch (error) {
        return {
          ok: false,
          reason: `signing certificate unavailable: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      const at = now().getTime();
      if (at < cert.validFrom || at > cert.validTo)
        return { ok: false, reason: "signing certificate is not valid now" };
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(message.Signature))
        return { ok: false, reason: "signature is not base64" };
      const algorithm = message.SignatureVersion === "1" ? "sha1" : "sha256";
      const valid = verify(
        algorithm,
        Buffer.from(snsStringToSign(message), "utf8"),
        cert.publicKey,
        Buffer.from(message.Signature, "base64"),
      );
      return valid ? { ok: true } : { ok: false, reason: "signature does not verify" };
    },
    /** Number of cached certificates (for tests and diagnostics). */
    cacheSize: () => cache.size,
  };
}

export type SnsVerifier = ReturnType<typeof createSnsVerifier>;
