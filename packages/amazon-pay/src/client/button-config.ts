import "server-only";
// Signed checkout.js button configurations: the payload serialized once and that exact string
// signed with the merchant's key.
import { type AmazonPayConfig } from "../config";
import {
  createCheckoutSessionRequestSchema,
  type CreateCheckoutSessionBody,
} from "../schemas/checkout-session-requests";
import { type SigningAlgorithm } from "../signing/algorithms";
import { signButtonPayload } from "../signing/button-payload";
import { validated } from "./operation";

/** The `createCheckoutSessionConfig` (or `signInConfig`) object checkout.js expects. */
export interface ButtonConfig {
  payloadJSON: string;
  signature: string;
  publicKeyId: string;
  algorithm: SigningAlgorithm;
}

export interface ButtonConfigOperations {
  /** Validates a Create Checkout Session payload, serializes it once and signs that exact string. */
  checkoutButtonConfig(payload: CreateCheckoutSessionBody): ButtonConfig;
  /** Signs a payload string exactly as given (e.g. a signInConfig payload). */
  signButtonPayload(payloadJSON: string): ButtonConfig;
}

/** Signatures kept per client, oldest dropped first. */
const MAX_REMEMBERED_SIGNATURES = 256;

export function buttonConfigOperations(
  signer: Pick<AmazonPayConfig, "publicKeyId" | "privateKey" | "algorithm">,
): ButtonConfigOperations {
  const { publicKeyId, privateKey, algorithm } = signer;
  // A shop renders the same few payloads on every page (one per market and currency); an RSA
  // signature costs about a millisecond, and any valid signature of the exact string will do.
  const signatures = new Map<string, string>();
  const signatureOf = (payloadJSON: string): string => {
    let signature = signatures.get(payloadJSON);
    if (signature === undefined) {
      signature = signButtonPayload(payloadJSON, privateKey, algorithm);
      if (signatures.size >= MAX_REMEMBERED_SIGNATURES) signatures.delete(signatures.keys().next().value!);
      signatures.set(payloadJSON, signature);
    }
    return signature;
  };
  const buttonConfig = (payloadJSON: string): ButtonConfig => ({
    payloadJSON,
    signature: signatureOf(payloadJSON),
    publicKeyId,
    algorithm,
  });
  return {
    checkoutButtonConfig: (payload) =>
      buttonConfig(
        JSON.stringify(validated("checkoutButtonConfig", createCheckoutSessionRequestSchema, payload)),
      ),
    signButtonPayload: (payloadJSON) => buttonConfig(payloadJSON),
  };
}
