// Every spec takes `test` from ./test (one browser tab per worker): a spec that took
// Playwright's own would open a context and tab per test again, about 0.4 s of Chromium's CPU
// each. The exceptions are named here, each with its reason.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const E2E = path.resolve(import.meta.dirname, "..");
const OWN_FIXTURES = new Map([
  ["security-headers.spec.ts", "exposes a function to every page it opens, which a kept tab cannot undo"],
]);

const specs = readdirSync(E2E).filter((name) => name.endsWith(".spec.ts"));
const takesTestFrom = (source: string) =>
  /import \{[^}]*\btest\b[^}]*\} from "([^"]+)"/.exec(source)?.[1] ?? null;

describe("the specs' test", () => {
  it("finds the specs", () => {
    expect(specs.length).toBeGreaterThan(20);
  });

  it.each(specs)("%s takes test from ./support/test, or says why not", (spec) => {
    const from = takesTestFrom(readFileSync(path.join(E2E, spec), "utf8"));
    expect(from).toBe(OWN_FIXTURES.has(spec) ? "@playwright/test" : "./support/test");
  });
});
