// Verification of a checkout.js button config `{ payloadJSON, signature, publicKeyId, algorithm }`
//: the exact payloadJSON string is hashed, never re-serialized.
import {
  buttonStringToSign,
  isSigningAlgorithm,
  verifyButtonPayload,
  type SigningAlgorithm,
} from "@storefront/amazon-pay/signing";
import { ApiError } from "../core/api-error";
import type { MerchantRecord } from "../core/merchants";
import type { Emulator } from "../emulator";

export interface SignedConfig {
  payloadJSON: string;
  signature: string;
  publicKeyId?: string | undefined;
  algorithm?: string | undefined;
}

export const isLiveKey = (publicKeyId: string) => publicKeyId.toUpperCase().startsWith("LIVE");

/** The merchant whose key signed the config; throws the error Amazon's page would show. */
export function verifySignedConfig(
  sb: Emulator,
  config: SignedConfig,
  fallbackPublicKeyId: string | undefined,
  merchantId: string | undefined,
): MerchantRecord {
  const publicKeyId = config.publicKeyId ?? fallbackPublicKeyId;
  if (!publicKeyId)
    throw new ApiError(
      400,
      "MissingParameterValue",
      "Value is missing for the required parameter [publicKeyId].",
    );
  if (isLiveKey(publicKeyId))
    throw new ApiError(
      400,
      "InvalidParameterValue",
      `The public key id [${publicKeyId}] is a LIVE key; this is the local Amazon Pay emulator and refuses live requests.`,
    );
  const merchant = sb.merchants.get(publicKeyId);
  const key = sb.merchants.key(publicKeyId);
  if (!merchant || !key)
    throw new ApiError(
      401,
      "UnauthorizedAccess",
      `The public key id [${publicKeyId}] is not registered with the emulator (POST /__emulator/merchants).`,
    );
  if (merchantId && merchantId !== merchant.merchantId) {
    throw new ApiError(
      400,
      "InvalidParameterValue",
      `The value provided for [merchantId] is invalid: ${merchantId} is not the merchant of public key id ${publicKeyId}.`,
    );
  }
  const algorithm = config.algorithm ?? sb.config.buttonDefaultAlgorithm;
  if (!isSigningAlgorithm(algorithm))
    throw new ApiError(
      400,
      "InvalidParameterValue",
      `The value provided for [algorithm] is invalid: ${algorithm}.`,
    );
  if (!verifyButtonPayload(config.payloadJSON, config.signature, key, algorithm as SigningAlgorithm)) {
    const toSign = buttonStringToSign(config.payloadJSON, algorithm).replace("\n", "\\n");
    throw new ApiError(
      sb.config.signatureErrorStatus,
      "InvalidRequestSignature",
      `Unable to verify signature, signing String [${toSign}] , signature [${config.signature}]`,
    );
  }
  return merchant;
}
