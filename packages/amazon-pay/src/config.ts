import "server-only";
// Merchant configuration of the Amazon Pay client, parsed with zod from a plain object (the shop
// maps its environment onto it), plus a self-check with clear messages: the private key parses,
// is RSA of at least 2048 bits and signs; the key id prefix agrees with the sandbox flag; the
// store id looks like a Login with Amazon client id; the base URL override is allowed.
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  keyIdEnvironment,
  normalizeRegion,
  parseBaseUrlOverride,
  REGION_ALIASES,
  type Region,
} from "./environment";
import { AmazonPayConfigError, type ConfigProblem } from "./errors";
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from "./signing/algorithms";
import { signString, verifyString } from "./signing/signature";

export const STORE_ID_PATTERN = /^amzn1\.application-oa2-client\.[0-9a-f]{32}$/i;
export const MIN_RSA_BITS = 2048;

export const amazonPayConfigInputSchema = z.strictObject({
  merchantId: z.string().trim().min(1, { error: "is required" }),
  storeId: z.string().trim().min(1, { error: "is required" }),
  publicKeyId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, { error: "is required and may only contain letters, digits, - and _" }),
  /** PEM (PKCS#8 or PKCS#1); literal "\n" escapes, as env vars often carry them, are accepted. */
  privateKey: z.string().optional(),
  /** Path of a PEM file; the alternative to `privateKey`. */
  privateKeyPath: z.string().trim().min(1).optional(),
  region: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value in REGION_ALIASES, { error: "must be na, eu or jp (or us, de, uk)" })
    .default("na"),
  sandbox: z.boolean().default(true),
  algorithm: z.enum(SIGNING_ALGORITHMS).default("AMZN-PAY-RSASSA-PSS-V2"),
  /** A emulator, e.g. "http://127.0.0.1:4010"; https is verified as usual, http only for loopback. */
  baseUrl: z.string().trim().min(1).optional(),
});
export type AmazonPayConfigInput = z.input<typeof amazonPayConfigInputSchema>;

export interface AmazonPayConfig {
  merchantId: string;
  storeId: string;
  publicKeyId: string;
  privateKey: KeyObject;
  region: Region;
  sandbox: boolean;
  algorithm: SigningAlgorithm;
  baseUrl: string | null;
}

export type ConfigCheck = { ok: true; config: AmazonPayConfig } | { ok: false; problems: ConfigProblem[] };

/** Turns an env-style PEM (quoted, with literal \n or \r\n) into a PEM string. */
export function normalizePrivateKeyPem(text: string): string {
  let pem = text.trim();
  if (pem.length >= 2 && (pem[0] === '"' || pem[0] === "'") && pem.at(-1) === pem[0]) pem = pem.slice(1, -1);
  return `${pem
    .replace(/\\r\\n|\\n/g, "\n")
    .replace(/\r\n/g, "\n")
    .trim()}\n`;
}

function readPrivateKey(
  input: { privateKey?: string | undefined; privateKeyPath?: string | undefined },
  problems: ConfigProblem[],
): KeyObject | null {
  const hasPem = input.privateKey !== undefined && input.privateKey.trim() !== "";
  if (hasPem === (input.privateKeyPath !== undefined)) {
    problems.push({ field: "privateKey", message: "set exactly one of privateKey (PEM) and privateKeyPath" });
    return null;
  }
  let pem: string;
  if (hasPem) {
    pem = normalizePrivateKeyPem(input.privateKey ?? "");
  } else {
    try {
      pem = normalizePrivateKeyPem(
        readFileSync(/*turbopackIgnore: true*/ input.privateKeyPath ?? "", "utf8"),
      );
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
      problems.push({ field: "privateKeyPath", message: `cannot read ${input.privateKeyPath}: ${code}` });
      return null;
    }
  }
  const field = hasPem ? "privateKey" : "privateKeyPath";
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    const hint = /-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(pem) ? "; this is a public key" : "";
    problems.push({
      field,
      message: `is not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)${hint}`,
    });
    return null;
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) {
    problems.push({ field, message: "the key is encrypted; export it without a passphrase" });
    return null;
  }
  try {
    return createPrivateKey(pem);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ field, message: `does not parse as a private key (${reason})` });
    return null;
  }
}

function checkKey(
  key: KeyObject,
  field: string,
  algorithm: SigningAlgorithm,
  problems: ConfigProblem[],
): void {
  if (key.asymmetricKeyType !== "rsa") {
    problems.push({
      field,
      message: `must be an RSA key, got ${key.asymmetricKeyType ?? "an unknown key type"}`,
    });
    return;
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    problems.push({ field, message: `RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required` });
    return;
  }
  const probe = `${algorithm}\nself-check`;
  if (!verifyString(algorithm, probe, signString(algorithm, probe, key), createPublicKey(key))) {
    problems.push({ field, message: "a signature made with this key does not verify" });
  }
}

/** Parses and checks a configuration; never throws. */
export function checkAmazonPayConfig(input: AmazonPayConfigInput): ConfigCheck {
  const parsed = amazonPayConfigInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.join(".") || "(config)",
        message: issue.message,
      })),
    };
  }
  const value = parsed.data;
  const problems: ConfigProblem[] = [];
  const privateKey = readPrivateKey(value, problems);
  if (privateKey)
    checkKey(
      privateKey,
      value.privateKeyPath === undefined ? "privateKey" : "privateKeyPath",
      value.algorithm,
      problems,
    );

  const keyEnvironment = keyIdEnvironment(value.publicKeyId);
  if (keyEnvironment === "sandbox" && !value.sandbox) {
    problems.push({
      field: "publicKeyId",
      message: "is a SANDBOX key but sandbox is false; use a LIVE key for live or set sandbox to true",
    });
  }
  if (keyEnvironment === "live" && value.sandbox) {
    problems.push({
      field: "publicKeyId",
      message: "is a LIVE key but sandbox is true; use a SANDBOX key for the sandbox or set sandbox to false",
    });
  }
  if (!STORE_ID_PATTERN.test(value.storeId)) {
    problems.push({
      field: "storeId",
      message: `${JSON.stringify(value.storeId)} does not look like amzn1.application-oa2-client.<32 hex digits>`,
    });
  }
  let baseUrl: string | null = null;
  if (value.baseUrl !== undefined) {
    try {
      baseUrl = parseBaseUrlOverride(value.baseUrl).href.replace(/\/+$/, "");
    } catch (error) {
      if (!(error instanceof AmazonPayConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0 || !privateKey) return { ok: false, problems };
  return {
    ok: true,
    config: {
      merchantId: value.merchantId,
      storeId: value.storeId,
      publicKeyId: value.publicKeyId,
      privateKey,
      region: normalizeRegion(value.region),
      sandbox: value.sandbox,
      algorithm: value.algorithm,
      baseUrl,
    },
  };
}

/** Parses and checks a configuration; throws AmazonPayConfigError listing every problem. */
export function loadAmazonPayConfig(input: AmazonPayConfigInput): AmazonPayConfig {
  const check = checkAmazonPayConfig(input);
  if (!check.ok) throw new AmazonPayConfigError(check.problems);
  return check.config;
}

/** SPKI PEM of the public half, e.g. to register with the emulator. */
export function publicKeyPem(privateKey: KeyObject | string): string {
  const key =
    typeof privateKey === "string" ? createPrivateKey(normalizePrivateKeyPem(privateKey)) : privateKey;
  return createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
}
