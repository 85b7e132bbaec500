// Verifies an API request's signature: parse the authorization header, look up the
// registered key, rebuild the canonical request from the raw path, the query, exactly the headers
// named in SignedHeaders and the raw body, and verify RSASSA-PSS with the algorithm's salt.
// x-amz-pay-date and x-amz-pay-host must be signed; the date must be within the allowed skew of
// the real wall clock (not the movable emulator clock).
import type { IncomingHttpHeaders } from "node:http";
import type { KeyObject } from "node:crypto";
import {
  canonicalRequest,
  isSigningAlgorithm,
  parseAmzDate,
  parseAuthorization,
  stringToSign,
  verifyString,
  SigningError,
} from "@storefront/amazon-pay/signing";
import { API_HOSTS, REGION_ALIASES, type Region } from "@storefront/amazon-pay/environment";
import { ApiError } from "../core/api-error";
import type { RegionConfig } from "../core/region-config";
import type { MerchantRecord } from "../core/merchants";
import { isLiveKey } from "./button-signature";

export interface RequestToVerify {
  method: string;
  /** The path exactly as sent (before "?"), e.g. "/sandbox/v2/checkoutSessions/". */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The region endpoint the path names (/eu/v2/...), or null for the region-neutral /v2/... */
  endpointRegion?: Region | null;
}

export interface VerifierDeps {
  merchant: (publicKeyId: string) => { record: MerchantRecord; key: KeyObject } | undefined;
  maxSkewSeconds: number;
  signatureErrorStatus: number;
  realNow: () => number;
  wrongRegion?: RegionConfig["wrongRegion"];
}

const REQUIRED_SIGNED = ["x-amz-pay-date", "x-amz-pay-host"] as const;

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

export const liveRefused = (what: string) =>
  new ApiError(
    400,
    "InvalidRequest",
    `This is the local Amazon Pay emulator: ${what}. Use a SANDBOX- public key id with /v2/..., or a legacy key with /sandbox/v2/....`,
  );

export function verifyRequest(req: RequestToVerify, deps: VerifierDeps): MerchantRecord {
  const authorization = headerValue(req.headers, "authorization");
  if (authorization === undefined)
    throw new ApiError(400, "MissingHeader", "The request is missing the required header [authorization].");
  if (authorization.trim() === "")
    throw new ApiError(400, "MissingHeaderValue", "The header [authorization] has no value.");
  const parts = parseAuthorization(authorization);
  if (!parts) {
    const algorithm = authorization.trim().split(/\s+/, 1)[0] ?? "";
    if (isSigningAlgorithm(algorithm)) {
      throw new ApiError(
        400,
        "InvalidHeaderValue",
        'The authorization header is malformed; expected "<algorithm> PublicKeyId=<id>, SignedHeaders=<h1;h2>, Signature=<base64>".',
      );
    }
    throw new ApiError(
      deps.signatureErrorStatus,
      "InvalidRequestSignature",
      `Unsupported signing algorithm [${algorithm}]; use AMZN-PAY-RSASSA-PSS or AMZN-PAY-RSASSA-PSS-V2.`,
    );
  }
  if (isLiveKey(parts.publicKeyId)) throw liveRefused(`the public key id ${parts.publicKeyId} is a LIVE key`);
  const merchant = deps.merchant(parts.publicKeyId);
  if (!merchant) {
    throw new ApiError(
      401,
      "UnauthorizedAccess",
      `The public key id [${parts.publicKeyId}] is not registered with the emulator (POST /__emulator/merchants).`,
    );
  }
  checkRegion(req, deps, merchant.record);
  const signed = parts.signedHeaders.map((h) => h.toLowerCase());
  for (const name of REQUIRED_SIGNED) {
    if (headerValue(req.headers, name) === undefined)
      throw new ApiError(400, "MissingHeader", `The request is missing the required header [${name}].`);
    if (!signed.includes(name))
      throw new ApiError(
        deps.signatureErrorStatus,
        "InvalidRequestSignature",
        `The header [${name}] must be signed (listed in SignedHeaders).`,
      );
  }
  for (const name of signed) {
    if (headerValue(req.headers, name) === undefined)
      throw new ApiError(400, "MissingHeader", `The signed header [${name}] is missing from the request.`);
  }
  const dateText = headerValue(req.headers, "x-amz-pay-date") ?? "";
  const date = parseAmzDate(dateText.trim());
  if (!date)
    throw new ApiError(
      400,
      "InvalidHeaderValue",
      `The value provided for [x-amz-pay-date] is invalid: ${JSON.stringify(dateText)}; use YYYYMMDDTHHMMSSZ or YYYY-MM-DDTHH:MM:SSZ (UTC).`,
    );
  const skew = Math.abs(deps.realNow() - date.getTime()) / 1000;
  if (skew > deps.maxSkewSeconds) {
    throw new ApiError(
      400,
      "InvalidHeaderValue",
      `The value provided for [x-amz-pay-date] is invalid: ${dateText} is more than ${Math.round(deps.maxSkewSeconds / 60)} minutes away from the current time (${new Date(deps.realNow()).toISOString()}).`,
    );
  }
  let canonical: string;
  try {
    canonical = canonicalRequest({
      method: req.method,
      path: req.rawPath,
      query: req.query,
      headers: Object.fromEntries(signed.map((name) => [name, headerValue(req.headers, name)])),
      signedHeaders: signed,
      body: req.body,
    });
  } catch (error) {
    if (error instanceof SigningError) throw new ApiError(400, "MissingHeader", error.message);
    throw error;
  }
  const toSign = stringToSign(parts.algorithm, canonical);
  if (!verifyString(parts.algorithm, toSign, parts.signature, merchant.key)) {
    throw new ApiError(
      deps.signatureErrorStatus,
      "InvalidRequestSignature",
      `Unable to verify signature, signing String [${toSign.replace("\n", "\\n")}] , signature [${parts.signature}]`,
    );
  }
  return merchant.record;
}

/** The region a request addresses: the endpoint's path prefix, else the x-amz-pay-region header. */
function requestedRegion(req: RequestToVerify): Region | null {
  const header = headerValue(req.headers, "x-amz-pay-region");
  const headerRegion = header === undefined ? undefined : REGION_ALIASES[header.trim().toLowerCase()];
  if (header !== undefined && !headerRegion) {
    throw new ApiError(
      400,
      "InvalidHeaderValue",
      `The value provided for [x-amz-pay-region] is invalid: ${JSON.stringify(header)}; use na, eu or jp.`,
    );
  }
  return req.endpointRegion ?? headerRegion ?? null;
}

/** Amazon's regions are separate services: another region's endpoint does not know the key. */
function checkRegion(req: RequestToVerify, deps: VerifierDeps, merchant: MerchantRecord): void {
  const region = requestedRegion(req);
  const answer = deps.wrongRegion ?? "UnauthorizedAccess";
  if (region === null || region === merchant.region || answer === "accept") return;
  const message = `The public key id [${merchant.publicKeyId}] is not registered in region ${region} (${API_HOSTS[region]}); its merchant account is in region ${merchant.region} (${API_HOSTS[merchant.region]}).`;
  if (answer === "InvalidRequestSignature")
    throw new ApiError(deps.signatureErrorStatus, "InvalidRequestSignature", message);
  throw new ApiError(401, "UnauthorizedAccess", message);
}
