// Price `{ amount, currencyCode }`. Requests accept a decimal string or a JSON number and are
// sent as a string with the currency's exponent ("10.00", JPY "1000"); responses carry decimal strings.
import { z } from "zod";
import { fromDecimal, isCurrency, MoneyError, toDecimalString, type Money } from "../money";

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as USD" });

/** A JSON number as plain decimal text; exponent forms (1e21, 1e-7) are not decimal amounts. */
function amountText(value: string | number): string {
  return typeof value === "number" ? String(value) : value.trim();
}

/** Price in a response: decimal string kept as text (a JSON number is read as its decimal text). */
export const priceSchema = z.looseObject({
  amount: z
    .union([z.string(), z.number()])
    .transform(amountText)
    .pipe(z.string().regex(DECIMAL, { error: "must be a decimal amount" })),
  currencyCode: z.string().min(1),
});
export type Price = z.output<typeof priceSchema>;

/**
 * Price in a request. The amount is normalized to the currency's exponent for the currencies
 * money.ts knows (more fraction digits than the currency has are refused); for other
 * presentment currencies the decimal text is sent as given. Negative amounts are refused.
 */
export const priceRequestSchema = z
  .strictObject({ amount: z.union([z.string(), z.number()]), currencyCode: currencyCodeSchema })
  .transform((price, ctx) => {
    const text = amountText(price.amount);
    if (!DECIMAL.test(text) || text.startsWith("-")) {
      ctx.issues.push({
        code: "custom",
        path: ["amount"],
        message: `must be a non-negative decimal amount, got ${JSON.stringify(price.amount)}`,
        input: price.amount,
      });
      return z.NEVER;
    }
    if (!isCurrency(price.currencyCode)) return { amount: text, currencyCode: price.currencyCode };
    try {
      return {
        amount: toDecimalString(fromDecimal(text, price.currencyCode)),
        currencyCode: price.currencyCode,
      };
    } catch (error) {
      ctx.issues.push({
        code: "custom",
        path: ["amount"],
        message: error instanceof MoneyError ? error.message : String(error),
        input: price.amount,
      });
      return z.NEVER;
    }
  });
export type PriceInput = z.input<typeof priceRequestSchema>;

export function priceFromMoney(value: Money): { amount: string; currencyCode: string } {
  return { amount: toDecimalString(value), currencyCode: value.currency };
}

/** Exact Money of a price; throws MoneyError for a currency money.ts does not support. */
export function moneyFromPrice(price: { amount: string | number; currencyCode: string }): Money {
  if (!isCurrency(price.currencyCode)) throw new MoneyError(`unsupported currency ${price.currencyCode}`);
  return fromDecimal(price.amount, price.currencyCode);
}
