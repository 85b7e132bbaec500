import "server-only";
// Reads the merchant's rate table from EXCHANGE_RATES_FILE, again whenever the file changes, so
// the merchant updates rates without a restart. A server does not start with a broken table
// (lib/startup.ts); a broken edit while it runs is logged and the last good table stays in use.
import fs from "node:fs";
import { env } from "@/lib/env";
import { EMPTY_RATE_TABLE, parseRateTable, RateTableError, type RateTable } from "./rate-table";

interface Loaded {
  path: string;
  mtimeMs: number;
  size: number;
  table: RateTable;
}

const holder = globalThis as unknown as { __storefrontRateTable?: Loaded };

function read(path: string): Loaded {
  let stat: fs.Stats;
  let text: string;
  try {
    stat = fs.statSync(path);
    text = fs.readFileSync(path, "utf8");
  } catch (error) {
    throw new RateTableError(
      `EXCHANGE_RATES_FILE ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return { path, mtimeMs: stat.mtimeMs, size: stat.size, table: parseRateTable(text) };
  } catch (error) {
    if (error instanceof RateTableError)
      throw new RateTableError(`EXCHANGE_RATES_FILE ${path}: ${error.message}`);
    throw error;
  }
}

/** What is wrong with the rate table, naming the file and the place in it; null when it is usable. */
export function rateTableProblem(path: string | undefined): string | null {
  if (!path) return null;
  try {
    holder.__storefrontRateTable = read(path);
    return null;
  } catch (error) {
    if (error instanceof RateTableError) return error.message;
    throw error;
  }
}

/** The current rate table (empty when EXCHANGE_RATES_FILE is not set). */
export function currentRateTable(): RateTable {
  const path = env().EXCHANGE_RATES_FILE;
  if (!path) return EMPTY_RATE_TABLE;
  const last = holder.__storefrontRateTable;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(path);
  } catch {
    stat = undefined;
  }
  if (last && last.path === path && stat && stat.mtimeMs === last.mtimeMs && stat.size === last.size)
    return last.table;
  try {
    holder.__storefrontRateTable = read(path);
    return holder.__storefrontRateTable.table;
  } catch (error) {
    if (!(error instanceof RateTableError) || !last) throw error;
    console.error(`[presentment] ${error.message}; still using the rates read before`);
    return last.table;
  }
}
