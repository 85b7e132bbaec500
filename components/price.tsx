"use client";

import { formatMoney, type Money } from "@/lib/money";
import { useLocale } from "./locale";

interface PriceProps {
  value: Money;
  className?: string;
}

/** An amount in the market's locale: $1,234.56, £1,234.56, 1.234,56 €, ￥1,235. */
export function Price({ value, className }: PriceProps) {
  return <span className={className}>{formatMoney(value, useLocale())}</span>;
}
