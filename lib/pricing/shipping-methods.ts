// The shop's shipping methods. Prices in cents; standard shipping is free from $75 of items.
import { money, type Money } from "@/lib/money";

export const SHIPPING_METHOD_IDS = ["standard", "express"] as const;
export type ShippingMethodId = (typeof SHIPPING_METHOD_IDS)[number];

export interface ShippingMethod {
  id: ShippingMethodId;
  label: string;
  estimate: string;
  priceMinor: number;
  /** Items subtotal from which this method costs nothing; null when never free. */
  freeFromMinor: number | null;
}

export const SHIPPING_METHODS: Record<ShippingMethodId, ShippingMethod> = {
  standard: {
    id: "standard",
    label: "Standard shipping",
    estimate: "5–7 business days",
    priceMinor: 599,
    freeFromMinor: 7500,
  },
  express: {
    id: "express",
    label: "Express shipping",
    estimate: "2 business days",
    priceMinor: 1499,
    freeFromMinor: null,
  },
};

/** A shipping method as offered for one cart: what it costs for that cart. */
export interface ShippingOption {
  id: ShippingMethodId;
  label: string;
  estimate: string;
  cost: Money;
}

export const DEFAULT_SHIPPING_METHOD: ShippingMethodId = "standard";

export function isShippingMethodId(value: string): value is ShippingMethodId {
  return (SHIPPING_METHOD_IDS as readonly string[]).includes(value);
}

export function shippingCost(methodId: ShippingMethodId, itemsSubtotal: Money): Money {
  const method = SHIPPING_METHODS[methodId];
  if (itemsSubtotal.amount === 0) return money(0, itemsSubtotal.currency);
  const free = method.freeFromMinor !== null && itemsSubtotal.amount >= method.freeFromMinor;
  return money(free ? 0 : method.priceMinor, itemsSubtotal.currency);
}
