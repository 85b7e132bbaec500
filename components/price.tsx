import { formatMoney, type Money } from "@/lib/money";

interface PriceProps {
  value: Money;
  className?: string;
}

export function Price({ value, className }: PriceProps) {
  return <span className={className}>{formatMoney(value)}</span>;
}
