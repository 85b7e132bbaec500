import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSecretsInText, pemBodyLines, scanDirectory } from "./bundle-secrets";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const needles = [
  ...pemBodyLines(pem).map((value) => ({ label: "merchant private key", value })),
  { label: "admin password", value: "e2e-admin-password" },
];

const dir = mkdtempSync(path.join(tmpdir(), "bundle-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pemBodyLines", () => {
  it("takes the base64 body lines of a key, not its armor", () => {
    const lines = pemBodyLines(pem);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.every((line) => /^[A-Za-z0-9+/=]+$/.test(line))).toBe(true);
    expect(lines.join("")).not.toContain("BEGIN");
  });
});

describe("findSecretsInText", () => {
  it("passes ordinary bundle code", () => {
    const code =
      'var a="The merchant area is disabled: set ADMIN_PASSWORD on the server.";function b(){return process.env.NODE_ENV}';
    expect(findSecretsInText("chunk.js", code, needles)).toEqual([]);
  });

  it("finds a PEM, one line of a known key, the admin password and secret variables with values", () => {
    const line = pemBodyLines(pem)[7]!;
    expect(findSecretsInText("a.js", `x="-----BEGIN PRIVATE KEY-----"`, needles)).toEqual([
      { file: "a.js", label: "PEM private key marker" },
    ]);
    expect(findSecretsInText("b.js", `const k="${line}"`, needles)).toEqual([
      { file: "b.js", label: "merchant private key" },
    ]);
    expect(findSecretsInText("c.js", `login("e2e-admin-password")`, needles)).toEqual([
      { file: "c.js", label: "admin password" },
    ]);
    expect(findSecretsInText("d.js", `{ADMIN_PASSWORD:"hunter2hunter2"}`, [])).toEqual([
      { file: "d.js", label: "secret variable ADMIN_PASSWORD with a value" },
    ]);
    expect(findSecretsInText("e.js", `AMAZON_PAY_PRIVATE_KEY=MIIEvQIBADANBg`, [])).toEqual([
      { file: "e.js", label: "secret variable AMAZON_PAY_PRIVATE_KEY with a value" },
    ]);
  });
});

describe("scanDirectory", () => {
  it("scans nested files and reports where a planted secret is", () => {
    mkdirSync(path.join(dir, "chunks", "app"), { recursive: true });
    writeFileSync(path.join(dir, "chunks", "clean.js"), "console.log(1)");
    writeFileSync(path.join(dir, "chunks", "app", "leak.js"), `var key=${JSON.stringify(pem)}`);
    const result = scanDirectory(dir, needles);
    expect(result.files).toBe(2);
    expect(result.findings.map((f) => f.file)).toContain(path.join("chunks", "app", "leak.js"));
    expect(result.findings.some((f) => f.label === "merchant private key")).toBe(true);
    expect(result.findings.every((f) => f.file !== path.join("chunks", "clean.js"))).toBe(true);
  });
});
