// Registered merchant keys. A merchant registers the public half of its key pair under a public
// key id (as in Seller Central); the emulator verifies every request with it. Persisted as JSON in
// the data folder, so a restarted emulator still knows its merchants.
import { createPublicKey, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  LEDGER_CURRENCIES,
  REGION_LEDGER_CURRENCIES,
  REGIONS,
  regionOfLedgerCurrency,
  type LedgerCurrency,
  type Region,
} from "@storefront/amazon-pay/regions";
import { newMerchantId, newStoreId } from "./ids";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

export const merchantRegistrationSchema = z
  .strictObject({
    publicKeyId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: "must be 1-128 letters, digits, '-' or '_'" })
      .refine((id) => !id.toUpperCase().startsWith("LIVE"), {
        error: "LIVE keys cannot be registered: this is an emulator",
      }),
    publicKey: z
      .string()
      .min(1)
      .refine(isRsaPublicKeyPem, {
        error: "must be an RSA public key in PEM form (-----BEGIN PUBLIC KEY-----)",
      }),
    merchantId: z
      .string()
      .regex(/^[A-Z0-9]{1,32}$/, { error: "must be upper-case letters and digits" })
      .optional(),
    storeId: z.string().min(1).max(200).optional(),
    ipnUrl: httpUrl.nullable().optional(),
    /** The Amazon Pay region of the merchant account (Seller Central marketplace); default na. */
    region: z.enum(REGIONS).optional(),
    /** What the merchant is paid in: USD (na), EUR or GBP (eu), JPY (jp). Default: the region's first. */
    ledgerCurrency: z.enum(LEDGER_CURRENCIES).optional(),
  })
  .refine(
    (m) => !m.region || !m.ledgerCurrency || REGION_LEDGER_CURRENCIES[m.region].includes(m.ledgerCurrency),
    {
      path: ["ledgerCurrency"],
      error: "is not a ledger currency of the region (na: USD; eu: EUR, GBP; jp: JPY)",
    },
  );
export type MerchantRegistration = z.input<typeof merchantRegistrationSchema>;

/** The region and ledger currency a registration names, defaulting to na/USD; refuses a mismatch. */
export function registrationRegion(input: {
  region?: Region | undefined;
  ledgerCurrency?: LedgerCurrency | undefined;
}): { region: Region; ledgerCurrency: LedgerCurrency } {
  const region = input.region ?? (input.ledgerCurrency ? regionOfLedgerCurrency(input.ledgerCurrency) : "na");
  const ledgerCurrency = input.ledgerCurrency ?? REGION_LEDGER_CURRENCIES[region][0] ?? "USD";
  if (!REGION_LEDGER_CURRENCIES[region].includes(ledgerCurrency))
    throw new Error(
      `ledgerCurrency ${ledgerCurrency} is not a ledger currency of region ${region} (${REGION_LEDGER_CURRENCIES[region].join(", ")})`,
    );
  return { region, ledgerCurrency };
}

export const merchantUpdateSchema = z.strictObject({
  ipnUrl: httpUrl.nullable().optional(),
  storeId: z.string().min(1).max(200).optional(),
});

export interface MerchantRecord {
  publicKeyId: string;
  publicKey: string;
  merchantId: string;
  storeId: string;
  ipnUrl: string | null;
  region: Region;
  ledgerCurrency: LedgerCurrency;
  createdAt: string;
  updatedAt: string;
}

const persistedSchema = z.object({
  merchants: z.array(
    z.object({
      publicKeyId: z.string(),
      publicKey: z.string(),
      merchantId: z.string(),
      storeId: z.string(),
      ipnUrl: z.string().nullable(),
      // Registries written before regions existed hold na/USD merchants.
      region: z.enum(REGIONS).default("na"),
      ledgerCurrency: z.enum(LEDGER_CURRENCIES).default("USD"),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

function isRsaPublicKeyPem(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

export class MerchantRegistry {
  private records = new Map<string, MerchantRecord>();
  private keys = new Map<string, KeyObject>();

  constructor(private readonly file: string | null) {
    if (file) this.load(file);
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return;
    }
    const parsed = persistedSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${file} is not a valid merchant registry: ${parsed.error.message}`);
    for (const record of parsed.data.merchants) this.records.set(record.publicKeyId, record);
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ merchants: this.list() }, null, 2)}\n`);
    renameSync(tmp, this.file);
  }

  list(): MerchantRecord[] {
    return [...this.records.values()];
  }

  get(publicKeyId: string): MerchantRecord | undefined {
    return this.records.get(publicKeyId);
  }

  /** The verification key of a registered key id (parsed once). */
  key(publicKeyId: string): KeyObject | undefined {
    const record = this.records.get(publicKeyId);
    if (!record) return undefined;
    let key = this.keys.get(publicKeyId);
    if (!key) {
      key = createPublicKey(record.publicKey);
      this.keys.set(publicKeyId, key);
    }
    return key;
  }

  byMerchantId(merchantId: string): MerchantRecord | undefined {
    for (const record of this.records.values()) if (record.merchantId === merchantId) return record;
    return undefined;
  }

  /** Registers or re-registers a key; returns the record and whether the merchant's IPN URL changed. */
  register(
    input: z.output<typeof merchantRegistrationSchema>,
    now = new Date(),
  ): { record: MerchantRecord; created: boolean; ipnUrlChanged: boolean } {
    const existing = this.records.get(input.publicKeyId);
    const merchantId = input.merchantId ?? existing?.merchantId ?? newMerchantId();
    const sibling = this.byMerchantId(merchantId);
    const previousIpnUrl = existing?.ipnUrl ?? sibling?.ipnUrl ?? null;
    const ipnUrl = input.ipnUrl !== undefined ? input.ipnUrl : previousIpnUrl;
    const known = existing ?? sibling;
    const account = registrationRegion({
      region: input.region ?? (input.ledgerCurrency ? undefined : known?.region),
      ledgerCurrency: input.ledgerCurrency ?? (input.region ? undefined : known?.ledgerCurrency),
    });
    const record: MerchantRecord = {
      publicKeyId: input.publicKeyId,
      publicKey: input.publicKey,
      merchantId,
      storeId: input.storeId ?? existing?.storeId ?? sibling?.storeId ?? newStoreId(),
      ipnUrl,
      ...account,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    this.records.set(record.publicKeyId, record);
    this.keys.delete(record.publicKeyId);
    this.setMerchantIpnUrl(merchantId, ipnUrl);
    // Like the IPN URL, the region and ledger currency belong to the merchant account.
    for (const [id, other] of this.records)
      if (other.merchantId === merchantId) this.records.set(id, { ...other, ...account });
    this.persist();
    return { record, created: !existing, ipnUrlChanged: ipnUrl !== null && ipnUrl !== previousIpnUrl };
  }

  update(
    publicKeyId: string,
    patch: z.output<typeof merchantUpdateSchema>,
    now = new Date(),
  ): { record: MerchantRecord; ipnUrlChanged: boolean } | undefined {
    const existing = this.records.get(publicKeyId);
    if (!existing) return undefined;
    const record = {
      ...existing,
      ...(patch.storeId !== undefined ? { storeId: patch.storeId } : {}),
      updatedAt: now.toISOString(),
    };
    this.records.set(publicKeyId, record);
    let ipnUrlChanged = false;
    if (patch.ipnUrl !== undefined) {
      ipnUrlChanged = patch.ipnUrl !== null && patch.ipnUrl !== existing.ipnUrl;
      this.setMerchantIpnUrl(existing.merchantId, patch.ipnUrl);
    }
    this.persist();
    return { record: this.records.get(publicKeyId) ?? record, ipnUrlChanged };
  }

  /** The IPN URL is a merchant setting (Seller Central), shared by all of its keys. */
  private setMerchantIpnUrl(merchantId: string, ipnUrl: string | null): void {
    for (const [id, record] of this.records)
      if (record.merchantId === merchantId) this.records.set(id, { ...record, ipnUrl });
  }

  ipnUrlOf(merchantId: string): string | null {
    return this.byMerchantId(merchantId)?.ipnUrl ?? null;
  }

  clear(): void {
    this.records.clear();
    this.keys.clear();
    this.persist();
  }
}
