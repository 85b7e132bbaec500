// Signature for a checkout.js button payload: no canonical request, the exact payloadJSON
// string is hashed. Sign the very string handed to the browser; never re-serialize it.
import { sha256Hex, type SigningAlgorithm } from "./algorithms";
import { signString, verifyString, type PrivateKeyInput, type PublicKeyInput } from "./signature";

export function buttonStringToSign(payloadJSON: string, algorithm: SigningAlgorithm): string {
  return `${algorithm}\n${sha256Hex(payloadJSON)}`;
}

export function signButtonPayload(
  payloadJSON: string,
  privateKey: PrivateKeyInput,
  algorithm: SigningAlgorithm,
): string {
  return signString(algorithm, buttonStringToSign(payloadJSON, algorithm), privateKey);
}

export function verifyButtonPayload(
  payloadJSON: string,
  signature: string,
  publicKey: PublicKeyInput,
  algorithm: SigningAlgorithm,
): boolean {
  return verifyString(algorithm, buttonStringToSign(payloadJSON, algorithm), signature, publicKey);
}
