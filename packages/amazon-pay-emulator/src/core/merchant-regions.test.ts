import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyPair } from "../../test/helpers";
import { MerchantRegistry, merchantRegistrationSchema } from "./merchants";

const publicKey = () => keyPair(0).publicKeyPem;

describe("merchant regions", () => {
  it("keeps region and ledger currency per merchant account, shared by its keys", () => {
    const registry = new MerchantRegistry(null);
    const first = registry.register(
      merchantRegistrationSchema.parse({ publicKeyId: "SANDBOX-A", publicKey: publicKey(), region: "eu" }),
    );
    expect(first.record).toMatchObject({ region: "eu", ledgerCurrency: "EUR" });
    const second = registry.register(
      merchantRegistrationSchema.parse({
        publicKeyId: "SANDBOX-B",
        publicKey: publicKey(),
        merchantId: first.record.merchantId,
        ledgerCurrency: "GBP",
      }),
    );
    expect(second.record).toMatchObject({ region: "eu", ledgerCurrency: "GBP" });
    expect(registry.get("SANDBOX-A")).toMatchObject({ region: "eu", ledgerCurrency: "GBP" });
    const reRegistered = registry.register(
      merchantRegistrationSchema.parse({ publicKeyId: "SANDBOX-A", publicKey: publicKey() }),
    );
    expect(reRegistered.record).toMatchObject({ region: "eu", ledgerCurrency: "GBP" });
  });

  it("refuses a ledger currency of another region", () => {
    const parsed = merchantRegistrationSchema.safeParse({
      publicKeyId: "SANDBOX-C",
      publicKey: publicKey(),
      region: "na",
      ledgerCurrency: "JPY",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["ledgerCurrency"]);
  });

  it("reads registries written before regions as na/USD merchants", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "merchants-")), "merchants.json");
    const old = {
      merchants: [
        {
          publicKeyId: "SANDBOX-OLD",
          publicKey: publicKey(),
          merchantId: "A1OLD",
          storeId: "store",
          ipnUrl: null,
          createdAt: "2026-01-01T00:00:00.000Z",
          updatedAt: "2026-01-01T00:00:00.000Z",
        },
      ],
    };
    writeFileSync(file, JSON.stringify(old));
    const registry = new MerchantRegistry(file);
    expect(registry.get("SANDBOX-OLD")).toMatchObject({ region: "na", ledgerCurrency: "USD" });
    registry.register(
      merchantRegistrationSchema.parse({ publicKeyId: "SANDBOX-JP", publicKey: publicKey(), region: "jp" }),
    );
    const saved = JSON.parse(readFileSync(file, "utf8")) as { merchants: { region: string }[] };
    expect(saved.merchants.map((m) => m.region)).toEqual(["na", "jp"]);
  });
});
