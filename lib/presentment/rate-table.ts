// The merchant's exchange-rate table: for each ledger currency, how much one unit buys of each
// presentment currency the shop offers. A JSON file the merchant edits, e.g.
//   { "EUR": { "CHF": "0.9412", "USD": "1.0845" } }
// Rates are decimal strings: a JSON number would already be a binary float when parsed.
import { z } from "zod";
import { isCurrency, type Currency } from "@/lib/money";
import { ExchangeRateError, parseExchangeRate, type ExchangeRate } from "./exchange-rate";

export type RateTable = ReadonlyMap<Currency, ReadonlyMap<Currency, ExchangeRate>>;

export class RateTableError extends Error {
  override name = "RateTableError";
}

const NOT_A_CURRENCY = "is not a currency Amazon Pay charges in";
const rateText = z.string({ error: 'must be a decimal string such as "0.9412" (not a JSON number)' });
const fileSchema = z.record(z.string(), z.record(z.string(), rateText));

/** Parses the file's text; every problem is named with its place in the file. */
export function parseRateTable(text: string): RateTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RateTableError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`,
    );
    throw new RateTableError(problems.join("; "));
  }
  const table = new Map<Currency, Map<Currency, ExchangeRate>>();
  for (const [from, targets] of Object.entries(parsed.data)) {
    if (!isCurrency(from)) throw new RateTableError(`${from}: ${NOT_A_CURRENCY}`);
    const rates = new Map<Currency, ExchangeRate>();
    for (const [to, text] of Object.entries(targets)) {
      if (!isCurrency(to)) throw new RateTableError(`${from}.${to}: ${NOT_A_CURRENCY}`);
      if (to === from) throw new RateTableError(`${from}.${to}: a currency needs no rate to itself`);
      try {
        rates.set(to, parseExchangeRate(from, to, text));
      } catch (error) {
        if (error instanceof ExchangeRateError) throw new RateTableError(`${from}.${to}: ${error.message}`);
        throw error;
      }
    }
    table.set(from, rates);
  }
  return table;
}

export const EMPTY_RATE_TABLE: RateTable = new Map();
