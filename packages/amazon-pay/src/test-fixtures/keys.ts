// RSA key pairs for tests, generated once per test file (never committed).
import { generateKeyPairSync, type KeyObject } from "node:crypto";

export interface TestKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8Pem: string;
  pkcs1Pem: string;
  publicKeyPem: string;
}

let cached: TestKeyPair | undefined;

export function rsaKeyPair(modulusLength = 2048): TestKeyPair {
  if (modulusLength === 2048 && cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength });
  const pair = {
    privateKey,
    publicKey,
    pkcs8Pem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    pkcs1Pem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
  if (modulusLength === 2048) cached = pair;
  return pair;
}

export const TEST_STORE_ID = "amzn1.application-oa2-client.8b5e45312b5248b69eea0f1ca4aa1a21";
