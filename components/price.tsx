import { displayLocale } from "@/lib/market/facts";
import { formatMoney, type Money } from "@/lib/money";

interface PriceProps {
  value: Money;
  className?: string;
}

/**
 * An amount written the way its market writes it (lib/market): $1,234.56, £1,234.56, 1.234,56 €,
 * ￥1,235. Works on the server and in client components alike.
 */
export function Price({ value, className }: PriceProps) {
  return <span className={className}>{formatMoney(value, displayLocale(value.currency))}</span>;
}
