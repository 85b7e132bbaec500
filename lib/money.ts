// Money is an integer number of minor units (cents) together with its currency. The arithmetic
// and the exact decimal conversion Amazon Pay expects live with the API client; this module adds
// what only the shop needs: formatting for display.
import { toDecimalString, type Money } from "@storefront/amazon-pay/money";

export * from "@storefront/amazon-pay/money";

const formatters = new Map<string, Intl.NumberFormat>();

/** An amount for display in a locale (lib/market): $1,234.56 (en-US), 1.234,56 € (de-DE), ￥1,235 (ja-JP). */
export function formatMoney(a: Money, locale: string): string {
  const key = `${locale}:${a.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency: a.currency });
    formatters.set(key, formatter);
  }
  // Format the exact decimal string (Intl accepts numeric strings), never a binary float.
  return formatter.format(toDecimalString(a) as Intl.StringNumericLiteral);
}
