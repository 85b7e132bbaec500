// The storefront's own merchant identity for the local Amazon Pay emulator: an RSA key pair and
// ids generated on first run, kept in the git-ignored data folder (DATA_DIR, default .data).
// Used only when no Amazon credentials are configured.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const localMerchantSchema = z.object({
  merchantId: z.string().regex(/^A[A-Z0-9]{12,13}$/),
  storeId: z.string().startsWith("amzn1.application-oa2-client."),
  publicKeyId: z.string().startsWith("SANDBOX-"),
  privateKeyPem: z.string().includes("PRIVATE KEY"),
  publicKeyPem: z.string().includes("PUBLIC KEY"),
});

export type LocalMerchant = z.infer<typeof localMerchantSchema>;

export const localMerchantFile = (dataDir: string) => path.resolve(dataDir, "local-merchant.json");

const upperAlnum = (length: number) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
};

export function readLocalMerchant(dataDir: string): LocalMerchant | null {
  const file = localMerchantFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = localMerchantSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${file} is damaged (${parsed.error.issues[0]?.message}); delete it to generate a new local merchant.`,
    );
  return parsed.data;
}

/** Reads the local merchant, generating and saving it on first use. */
export function ensureLocalMerchant(dataDir: string): LocalMerchant {
  const existing = readLocalMerchant(dataDir);
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const merchant: LocalMerchant = {
    merchantId: `A${upperAlnum(13)}`,
    storeId: `amzn1.application-oa2-client.${randomBytes(16).toString("hex")}`,
    publicKeyId: `SANDBOX-${upperAlnum(24)}`,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
  mkdirSync(path.resolve(dataDir), { recursive: true });
  const file = localMerchantFile(dataDir);
  writeFileSync(file, `${JSON.stringify(merchant, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return merchant;
}
