// The import rules of .dependency-cruiser.mjs: the repository passes them, and each rule catches
// the arrow it forbids (cruised in a small fixture tree with the project's own rules).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Each fixture file and the imports it makes (relative, so no path mapping is needed). */
const FIXTURE: Record<string, string[]> = {
  // allowed: a room importing rooms below it
  "lib/checkout/place.ts": ["../orders/state.ts", "../amazon-pay/connection.ts"],
  "lib/orders/state.ts": [],
  "lib/amazon-pay/connection.ts": [],
  "lib/cart/server.ts": [],
  "lib/db.ts": [],
  "lib/env.ts": [],
  "packages/amazon-pay/src/client.ts": [],
  "packages/amazon-pay-emulator/src/emulator.ts": ["../../amazon-pay/src/client.ts"],
  // forbidden
  "lib/orders/status.ts": ["../checkout/place.ts"],
  "lib/cart/a.ts": ["./b.ts"],
  "lib/cart/b.ts": ["./a.ts"],
  "lib/cart/pay.ts": ["../amazon-pay/connection.ts"],
  "lib/cart/typo.ts": ["./missing.ts"],
  "lib/orders/model.ts": ["../generated/sqlite/client.ts"],
  "lib/generated/sqlite/client.ts": [],
  "app/page.tsx": ["../lib/db.ts"],
  "components/badge.tsx": ["../lib/cart/server.ts"],
  "lib/checkout/demo.ts": ["../../packages/amazon-pay-emulator/src/emulator.ts"],
  "packages/amazon-pay/src/shop.ts": ["../../../lib/env.ts"],
  "packages/amazon-pay-emulator/src/shop.ts": ["../../../lib/env.ts"],
};

let fixture: string;

async function cruiseFixture(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.mjs"));
  const { output } = await cruise(["app", "components", "lib", "packages"], {
    ...options,
    baseDir: fixture,
    outputType: "json",
  });
  return typeof output === "string" ? (JSON.parse(output) as ICruiseResult) : output;
}

beforeAll(() => {
  fixture = mkdtempSync(path.join(tmpdir(), "arrows-"));
  for (const [file, imports] of Object.entries(FIXTURE)) {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    const lines = imports.map((specifier, i) => `import * as dependency${i} from "${specifier}";`);
    writeFileSync(path.join(fixture, file), `${lines.join("\n")}\nexport const name = "${file}";\n`);
  }
});

afterAll(() => rmSync(fixture, { recursive: true, force: true }));

describe("import rules", () => {
  it("each rule catches the arrow it forbids, and allowed arrows pass", async () => {
    const result = await cruiseFixture();
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(violations).toEqual([
      "amazon-pay-client-callers: lib/cart/pay.ts → lib/amazon-pay/connection.ts",
      "app-not-database-or-amazon-pay: app/page.tsx → lib/db.ts",
      "client-package-standalone: packages/amazon-pay/src/shop.ts → lib/env.ts",
      "components-not-server-only: components/badge.tsx → lib/cart/server.ts",
      "emulator-uses-only-the-client-package: packages/amazon-pay-emulator/src/shop.ts → lib/env.ts",
      "no-circular: lib/cart/a.ts → lib/cart/b.ts",
      "not-to-unresolvable: lib/cart/typo.ts → ./missing.ts",
      "prisma-types-from-lib-prisma: lib/orders/model.ts → lib/generated/sqlite/client.ts",
      "room-order:lib/orders: lib/orders/status.ts → lib/checkout/place.ts",
      "shop-not-emulator: lib/checkout/demo.ts → packages/amazon-pay-emulator/src/emulator.ts",
    ]);
  });

  it("the repository passes them (npm run check:arrows)", { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)("npm", ["run", "-s", "check:arrows"], { cwd: root });
    expect(stdout).toMatch(/no dependency violations found \(\d{3,} modules/);
  });
});
