// The private key never reaches code that could be bundled for the browser: every module of
// the package that touches a private key starts with `import "server-only"`, and the modules the
// emulator imports (signing, schemas, ...) never import server-only or a secret-holding module.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = import.meta.dirname;
const repository = path.resolve(root, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test-fixtures" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const files = sourceFiles(root);
const relative = (file: string) => path.relative(root, file);
const source = (file: string) => readFileSync(file, "utf8");
const startsWithServerOnly = (file: string) => source(file).startsWith('import "server-only";\n');

function imports(file: string): string[] {
  return [...source(file).matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
}

function resolveImport(from: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(repository, `${specifier.slice(2)}.ts`);
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), `${specifier}.ts`);
  return null;
}

/** Every module reachable from `file` through project imports, with the package specifiers seen. */
function closure(file: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (current: string) => {
    if (modules.has(current)) return;
    modules.add(current);
    for (const specifier of imports(current)) {
      const resolved = resolveImport(current, specifier);
      if (resolved) visit(resolved);
      else packages.add(specifier);
    }
  };
  visit(file);
  return { modules, packages };
}

/**
 * A module touches a private key when it parses one, reads one from disk, holds the loaded
 * configuration, or signs with one. The signing modules are the exception by design: they are
 * pure, receive the key as an argument from server-only callers, and the emulator imports them.
 */
const KEY_USE =
  /createPrivateKey|readFileSync|from "(?:\.\.?\/)+config"|config\.privateKey|\bsignRequest\(|\bsignButtonPayload\(|\bsignString\(/;
const isPureSigning = (file: string) =>
  relative(file) === "signing.ts" || relative(file).startsWith("signing/");
const touchesPrivateKey = (file: string) =>
  !isPureSigning(file) && KEY_USE.test(source(file).replace(/^\s*\/\/.*$/gm, ""));

const SECRET_HOLDERS = new Set(
  ["config.ts", "client.ts", "client/button-config.ts"].map((file) => path.join(root, file)),
);
const SHARED_WITH_EMULATOR = files.filter(
  (file) => isPureSigning(file) || relative(file).startsWith("schemas/"),
);

describe("module boundaries of @storefront/amazon-pay", () => {
  it("finds the modules it checks", () => {
    expect(files.map(relative)).toEqual(
      expect.arrayContaining([
        "client.ts",
        "client/button-config.ts",
        "client/checkout-sessions.ts",
        "config.ts",
        "signing.ts",
        "signing/authorization.ts",
        "signing/button-payload.ts",
        "http.ts",
        "http/transport.ts",
        "redact.ts",
        "schemas/checkout-session.ts",
      ]),
    );
    expect(SHARED_WITH_EMULATOR.length).toBeGreaterThan(10);
  });

  it('client.ts, client/button-config.ts and config.ts start with import "server-only"', () => {
    for (const file of SECRET_HOLDERS) expect(startsWithServerOnly(file), relative(file)).toBe(true);
  });

  it('every module that touches a private key starts with import "server-only"', () => {
    const touching = files.filter(touchesPrivateKey);
    expect(touching.map(relative).sort()).toEqual(["client.ts", "client/button-config.ts", "config.ts"]);
    for (const file of touching) expect(startsWithServerOnly(file), relative(file)).toBe(true);
  });

  it("only modules that hold secrets import server-only", () => {
    for (const file of files) {
      if (SECRET_HOLDERS.has(file)) continue;
      expect(imports(file), relative(file)).not.toContain("server-only");
    }
  });

  it("the signing modules and the schemas reach neither server-only, nor a secret-holding module, nor the shop", () => {
    for (const file of SHARED_WITH_EMULATOR) {
      const { modules, packages } = closure(file);
      expect(
        [...packages].filter((p) => p === "server-only" || p.startsWith("next") || p.includes("prisma")),
        relative(file),
      ).toEqual([]);
      expect(
        [...packages].every((p) => ["zod", "node:crypto"].includes(p)),
        `${relative(file)}: ${[...packages].join(", ")}`,
      ).toBe(true);
      for (const reached of modules) {
        expect(SECRET_HOLDERS.has(reached), `${relative(file)} reaches ${relative(reached)}`).toBe(false);
        expect(reached.startsWith(root), `${relative(file)} reaches ${reached}`).toBe(true);
        expect(source(reached), relative(reached)).not.toMatch(/process\.env|readFileSync/);
      }
    }
  });

  it("no module of the package imports the shop, Next.js or Prisma", () => {
    for (const file of files) {
      for (const specifier of imports(file)) {
        expect(specifier, relative(file)).not.toMatch(
          /^(next|@prisma|@\/lib\/(env|db)|@\/app|@\/components)/,
        );
      }
    }
  });
});
