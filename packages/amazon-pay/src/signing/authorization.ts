// The authorization header of a signed API request: signing a request whose other headers are
// final, and formatting and parsing the header itself.
import { isSigningAlgorithm, type SigningAlgorithm } from "./algorithms";
import { canonicalRequest, signedHeaderList, stringToSign } from "./canonical-request";
import { signString, type PrivateKeyInput } from "./signature";

export interface AuthorizationParts {
  algorithm: SigningAlgorithm;
  publicKeyId: string;
  signedHeaders: string[];
  signature: string;
}

export function formatAuthorization(parts: AuthorizationParts): string {
  return `${parts.algorithm} PublicKeyId=${parts.publicKeyId}, SignedHeaders=${parts.signedHeaders.join(";")}, Signature=${parts.signature}`;
}

/** Parses an authorization header; null when it is not an Amazon Pay signature header. */
export function parseAuthorization(header: string | undefined | null): AuthorizationParts | null {
  if (!header) return null;
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  if (space <= 0) return null;
  const algorithm = trimmed.slice(0, space);
  if (!isSigningAlgorithm(algorithm)) return null;
  const params = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(/,\s*/)) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const publicKeyId = params.get("PublicKeyId");
  const signedHeaders = params.get("SignedHeaders");
  const signature = params.get("Signature");
  if (!publicKeyId || !signedHeaders || !signature) return null;
  return { algorithm, publicKeyId, signedHeaders: signedHeaders.split(";").filter(Boolean), signature };
}

/** Headers every request carries and signs. */
export const BASE_SIGNED_HEADERS = [
  "accept",
  "content-type",
  "x-amz-pay-date",
  "x-amz-pay-host",
  "x-amz-pay-region",
] as const;

export interface SignRequestInput {
  method: string;
  url: URL;
  /** All headers to send; those in `signHeaders` (default: all of them) are signed. */
  headers: Record<string, string>;
  signHeaders?: readonly string[];
  body?: string;
  publicKeyId: string;
  privateKey: PrivateKeyInput;
  algorithm: SigningAlgorithm;
}

/** Returns the authorization header value for a request whose other headers are final. */
export function signRequest(input: SignRequestInput): {
  authorization: string;
  stringToSign: string;
  canonicalRequest: string;
} {
  const signed = signedHeaderList(input.signHeaders ?? Object.keys(input.headers));
  const canonical = canonicalRequest({
    method: input.method,
    path: input.url.pathname,
    query: input.url.searchParams,
    headers: input.headers,
    signedHeaders: signed,
    body: input.body,
  });
  const toSign = stringToSign(input.algorithm, canonical);
  const signature = signString(input.algorithm, toSign, input.privateKey);
  return {
    authorization: formatAuthorization({
      algorithm: input.algorithm,
      publicKeyId: input.publicKeyId,
      signedHeaders: signed,
      signature,
    }),
    stringToSign: toSign,
    canonicalRequest: canonical,
  };
}
