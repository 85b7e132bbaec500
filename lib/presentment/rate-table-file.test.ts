import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { currentRateTable, rateTableProblem } from "./rate-table-file";

let dir: string;
let file: string;
let bumps = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rates-"));
  file = path.join(dir, "exchange-rates.json");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.EXCHANGE_RATES_FILE;
  resetEnv();
  vi.restoreAllMocks();
});

/** Writes the file with a new modification time, as an editor saving it would. */
function save(text: string): void {
  writeFileSync(file, text);
  const at = new Date(Date.now() + ++bumps * 1000);
  utimesSync(file, at, at);
}

function useFile(): void {
  process.env.EXCHANGE_RATES_FILE = file;
  resetEnv();
}

describe("the rate table file", () => {
  it("is empty when EXCHANGE_RATES_FILE is not set", () => {
    expect(currentRateTable().size).toBe(0);
    expect(rateTableProblem(undefined)).toBeNull();
  });

  it("keeps a server from starting with a missing or broken file, naming the file and the problem", () => {
    expect(rateTableProblem(path.join(dir, "missing.json"))).toMatch(
      /^EXCHANGE_RATES_FILE .*missing\.json: /,
    );
    save('{"EUR": {"CHF": 0.94}}');
    expect(rateTableProblem(file)).toBe(
      `EXCHANGE_RATES_FILE ${file}: EUR.CHF: must be a decimal string such as "0.9412" (not a JSON number)`,
    );
  });

  it("reads the file again when it changes, and keeps the last good table after a broken edit", () => {
    save('{"EUR": {"CHF": "0.9412"}}');
    useFile();
    expect(rateTableProblem(file)).toBeNull();
    expect(currentRateTable().get("EUR")?.get("CHF")?.text).toBe("0.9412");

    save('{"EUR": {"CHF": "0.9500", "USD": "1.08"}}');
    expect(currentRateTable().get("EUR")?.get("CHF")?.text).toBe("0.9500");

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    save('{"EUR": {"CHF": "zero"}}');
    expect(currentRateTable().get("EUR")?.get("CHF")?.text).toBe("0.9500");
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/EUR\.CHF: .*still using the rates read before/),
    );
  });
});
