// RSASSA-PSS signatures over a string to sign: signing with a private key handed in by the
// caller, and strict verification with a public key.
import { createPrivateKey, createPublicKey, constants, sign, verify, type KeyObject } from "node:crypto";
import { SALT_LENGTH, type SigningAlgorithm } from "./algorithms";

export type PrivateKeyInput = KeyObject | string;
export type PublicKeyInput = KeyObject | string;

const asPrivateKey = (key: PrivateKeyInput) => (typeof key === "string" ? createPrivateKey(key) : key);
const asPublicKey = (key: PublicKeyInput) => (typeof key === "string" ? createPublicKey(key) : key);

/** Base64 RSASSA-PSS (SHA-256, MGF1-SHA-256) signature of the UTF-8 string. */
export function signString(algorithm: SigningAlgorithm, text: string, privateKey: PrivateKeyInput): string {
  return sign("sha256", Buffer.from(text, "utf8"), {
    key: asPrivateKey(privateKey),
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: SALT_LENGTH[algorithm],
  }).toString("base64");
}

/** Strict verification: the salt length must be the algorithm's. Never throws on bad input. */
export function verifyString(
  algorithm: SigningAlgorithm,
  text: string,
  signature: string,
  publicKey: PublicKeyInput,
): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify(
      "sha256",
      Buffer.from(text, "utf8"),
      {
        key: asPublicKey(publicKey),
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: SALT_LENGTH[algorithm],
      },
      Buffer.from(signature, "base64"),
    );
  } catch {
    return false;
  }
}
