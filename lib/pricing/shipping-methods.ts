// The shop's shipping methods and their prices per currency, in its minor units (JPY has none).
// Standard shipping is free from an items subtotal per currency; in markets whose prices include
// tax, so do these.
import { money, type Currency, type Money } from "@/lib/money";

export const SHIPPING_METHOD_IDS = ["standard", "express"] as const;
export type ShippingMethodId = (typeof SHIPPING_METHOD_IDS)[number];

export interface ShippingRate {
  priceMinor: number;
  /** Items subtotal from which this method costs nothing; null when never free. */
  freeFromMinor: number | null;
}

export interface ShippingMethod {
  id: ShippingMethodId;
  label: string;
  estimate: string;
  rates: Readonly<Partial<Record<Currency, ShippingRate>>>;
}

export const SHIPPING_METHODS: Record<ShippingMethodId, ShippingMethod> = {
  standard: {
    id: "standard",
    label: "Standard shipping",
    estimate: "5–7 business days",
    rates: {
      USD: { priceMinor: 599, freeFromMinor: 7500 },
      EUR: { priceMinor: 495, freeFromMinor: 7000 },
      GBP: { priceMinor: 395, freeFromMinor: 6000 },
      JPY: { priceMinor: 600, freeFromMinor: 8000 },
    },
  },
  express: {
    id: "express",
    label: "Express shipping",
    estimate: "2 business days",
    rates: {
      USD: { priceMinor: 1499, freeFromMinor: null },
      EUR: { priceMinor: 1290, freeFromMinor: null },
      GBP: { priceMinor: 995, freeFromMinor: null },
      JPY: { priceMinor: 1200, freeFromMinor: null },
    },
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

export class ShippingRateError extends Error {
  override name = "ShippingRateError";
}

export function isShippingMethodId(value: string): value is ShippingMethodId {
  return (SHIPPING_METHOD_IDS as readonly string[]).includes(value);
}

export function shippingCost(methodId: ShippingMethodId, itemsSubtotal: Money): Money {
  const rate = SHIPPING_METHODS[methodId].rates[itemsSubtotal.currency];
  if (!rate) throw new ShippingRateError(`${methodId} shipping has no price in ${itemsSubtotal.currency}`);
  if (itemsSubtotal.amount === 0) return money(0, itemsSubtotal.currency);
  const free = rate.freeFromMinor !== null && itemsSubtotal.amount >= rate.freeFromMinor;
  return money(free ? 0 : rate.priceMinor, itemsSubtotal.currency);
}

/** Every method with its cost for an items subtotal. */
export const shippingOptions = (itemsSubtotal: Money): ShippingOption[] =>
  Object.values(SHIPPING_METHODS).map((method) => ({
    id: method.id,
    label: method.label,
    estimate: method.estimate,
    cost: shippingCost(method.id, itemsSubtotal),
  }));
