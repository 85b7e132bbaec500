import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkAmazonPayConfig,
  loadAmazonPayConfig,
  normalizePrivateKeyPem,
  publicKeyPem,
  type AmazonPayConfigInput,
} from "./config";
import { AmazonPayConfigError } from "./errors";
import { signString, verifyString } from "./signing";
import { rsaKeyPair, TEST_STORE_ID } from "./test-fixtures/keys";

const keys = rsaKeyPair();
const valid: AmazonPayConfigInput = {
  merchantId: "A2K7NDRMCETORT",
  storeId: TEST_STORE_ID,
  publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
  privateKey: keys.pkcs8Pem,
};
const dir = mkdtempSync(path.join(tmpdir(), "amazon-pay-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (input: AmazonPayConfigInput) => {
  const check = checkAmazonPayConfig(input);
  return check.ok ? [] : check.problems.map((p) => `${p.field}: ${p.message}`);
};

describe("Amazon Pay configuration", () => {
  it("loads a valid configuration with defaults (na, sandbox, V2)", () => {
    const config = loadAmazonPayConfig(valid);
    expect(config).toMatchObject({
      merchantId: "A2K7NDRMCETORT",
      region: "na",
      sandbox: true,
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      baseUrl: null,
    });
    expect(config.privateKey.type).toBe("private");
    expect(JSON.stringify(config)).not.toContain("PRIVATE KEY");
  });

  it("accepts PKCS#1 and PKCS#8, with literal \\n escapes and quotes as env vars carry them", () => {
    for (const pem of [keys.pkcs8Pem, keys.pkcs1Pem]) {
      const escaped = `"${pem.trim().replaceAll("\n", "\\n")}"`;
      for (const privateKey of [pem, escaped, pem.replaceAll("\n", "\r\n")]) {
        const config = loadAmazonPayConfig({ ...valid, privateKey });
        const signature = signString("AMZN-PAY-RSASSA-PSS-V2", "probe", config.privateKey);
        expect(verifyString("AMZN-PAY-RSASSA-PSS-V2", "probe", signature, keys.publicKey)).toBe(true);
      }
    }
    expect(normalizePrivateKeyPem("'-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----'")).toBe(
      "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    );
  });

  it("reads the key from a file path", () => {
    const file = path.join(dir, "key.pem");
    writeFileSync(file, keys.pkcs1Pem);
    const { privateKey: _pem, ...withoutPem } = valid;
    expect(loadAmazonPayConfig({ ...withoutPem, privateKeyPath: file }).privateKey.asymmetricKeyType).toBe(
      "rsa",
    );
    expect(problemsOf({ ...withoutPem, privateKeyPath: path.join(dir, "missing.pem") })).toEqual([
      expect.stringMatching(/^privateKeyPath: cannot read .*missing\.pem: ENOENT/),
    ]);
  });

  it("normalizes region aliases and keeps the algorithm", () => {
    expect(loadAmazonPayConfig({ ...valid, region: "UK", algorithm: "AMZN-PAY-RSASSA-PSS" })).toMatchObject({
      region: "eu",
      algorithm: "AMZN-PAY-RSASSA-PSS",
    });
    expect(loadAmazonPayConfig({ ...valid, region: "us" }).region).toBe("na");
    expect(problemsOf({ ...valid, region: "fr" })).toEqual(["region: must be na, eu or jp (or us, de, uk)"]);
  });

  it("checks the key id prefix against the sandbox flag; legacy keys fit both", () => {
    expect(problemsOf({ ...valid, sandbox: false })).toEqual([
      expect.stringMatching(/^publicKeyId: is a SANDBOX key but sandbox is false/),
    ]);
    expect(problemsOf({ ...valid, publicKeyId: "LIVE-AFVX7ULWSGBZ5535PCUQOY7B", sandbox: true })).toEqual([
      expect.stringMatching(/^publicKeyId: is a LIVE key but sandbox is true/),
    ]);
    expect(problemsOf({ ...valid, publicKeyId: "LIVE-AFVX7ULWSGBZ5535PCUQOY7B", sandbox: false })).toEqual(
      [],
    );
    expect(problemsOf({ ...valid, publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B", sandbox: false })).toEqual([]);
  });

  it("checks the store id format", () => {
    expect(
      problemsOf({ ...valid, storeId: "amzn1.application-oa2-client.8b5e45312b5248b69eeaStoreId" }),
    ).toEqual([expect.stringMatching(/^storeId: .* does not look like amzn1\.application-oa2-client/)]);
  });

  it("refuses keys that are not RSA, too short, garbage, public or encrypted", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    expect(
      problemsOf({ ...valid, privateKey: ec.export({ type: "pkcs8", format: "pem" }).toString() }),
    ).toEqual(["privateKey: must be an RSA key, got ec"]);
    expect(
      problemsOf({ ...valid, privateKey: ec.export({ type: "sec1", format: "pem" }).toString() }),
    ).toEqual(["privateKey: must be an RSA key, got ec"]);
    expect(problemsOf({ ...valid, privateKey: rsaKeyPair(1024).pkcs8Pem })).toEqual([
      "privateKey: RSA key has 1024 bits; at least 2048 are required",
    ]);
    expect(problemsOf({ ...valid, privateKey: "not a key" })).toEqual([
      expect.stringMatching(/^privateKey: is not a PEM private key/),
    ]);
    expect(problemsOf({ ...valid, privateKey: keys.publicKeyPem })).toEqual([
      expect.stringMatching(/this is a public key$/),
    ]);
    expect(
      problemsOf({
        ...valid,
        privateKey: "-----BEGIN PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END PRIVATE KEY-----",
      }),
    ).toEqual([expect.stringMatching(/^privateKey: does not parse as a private key/)]);
    const encrypted = keys.privateKey
      .export({ type: "pkcs8", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" })
      .toString();
    expect(problemsOf({ ...valid, privateKey: encrypted })).toEqual([
      "privateKey: the key is encrypted; export it without a passphrase",
    ]);
    const encryptedPkcs1 = keys.privateKey
      .export({ type: "pkcs1", format: "pem", cipher: "aes-256-cbc", passphrase: "secret" })
      .toString();
    expect(problemsOf({ ...valid, privateKey: encryptedPkcs1 })).toEqual([
      "privateKey: the key is encrypted; export it without a passphrase",
    ]);
  });

  it("needs exactly one of privateKey and privateKeyPath", () => {
    const { privateKey: _pem, ...withoutPem } = valid;
    expect(problemsOf(withoutPem)).toEqual([
      "privateKey: set exactly one of privateKey (PEM) and privateKeyPath",
    ]);
    expect(problemsOf({ ...valid, privateKeyPath: "/x.pem" })).toEqual([
      "privateKey: set exactly one of privateKey (PEM) and privateKeyPath",
    ]);
  });

  it("checks the base URL override", () => {
    expect(loadAmazonPayConfig({ ...valid, baseUrl: "http://127.0.0.1:4010/" }).baseUrl).toBe(
      "http://127.0.0.1:4010",
    );
    expect(problemsOf({ ...valid, baseUrl: "http://sandbox.example.com" })).toEqual([
      expect.stringMatching(/^baseUrl: plain http is only allowed for loopback hosts/),
    ]);
  });

  it("reports shape problems and every semantic problem at once", () => {
    expect(problemsOf({ ...valid, merchantId: " ", publicKeyId: "bad id" } as AmazonPayConfigInput)).toEqual([
      "merchantId: is required",
      "publicKeyId: is required and may only contain letters, digits, - and _",
    ]);
    expect(problemsOf({ ...valid, unknown: 1 } as AmazonPayConfigInput)[0]).toMatch(
      /Unrecognized key: "unknown"/,
    );
    expect(problemsOf({ ...valid, sandbox: false, storeId: "x", privateKey: "x" })).toHaveLength(3);
  });

  it("throws one error listing every problem", () => {
    expect(() => loadAmazonPayConfig({ ...valid, sandbox: false, storeId: "x" })).toThrow(
      AmazonPayConfigError,
    );
    try {
      loadAmazonPayConfig({ ...valid, sandbox: false, storeId: "x" });
    } catch (error) {
      expect((error as AmazonPayConfigError).message).toMatch(
        /^Amazon Pay configuration is invalid:\n- publicKeyId: .*\n- storeId: /,
      );
    }
  });

  it("derives the public key PEM from the private key", () => {
    expect(publicKeyPem(keys.privateKey)).toBe(keys.publicKeyPem);
    expect(publicKeyPem(keys.pkcs1Pem.trim().replaceAll("\n", "\\n"))).toBe(keys.publicKeyPem);
  });
});
