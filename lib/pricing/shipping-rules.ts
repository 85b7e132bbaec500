// Where the shop ships: the market's delivery countries (lib/market), street addresses only (no
// PO boxes). The same rules are sent to Amazon as deliverySpecifications (so the Amazon page
// greys out other addresses) and enforced on our side (review page, Buy Now address events,
// finalize), because a rule that only the other party checks is not a rule.
import type { Market } from "@/lib/market/markets";

export interface DeliverySpecifications {
  specialRestrictions: "RestrictPOBoxes"[];
  addressRestrictions: { type: "Allowed"; restrictions: Record<string, Record<string, never>> };
}

export function deliverySpecifications(market: Pick<Market, "deliveryCountries">): DeliverySpecifications {
  return {
    specialRestrictions: ["RestrictPOBoxes"],
    addressRestrictions: {
      type: "Allowed",
      restrictions: Object.fromEntries(market.deliveryCountries.map((country) => [country, {}])),
    },
  };
}

export interface ShippableAddress {
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  countryCode?: string | null;
  stateOrRegion?: string | null;
}

const PO_BOX = /\b(p\.?\s*o\.?\s*box|post\s+office\s+box|postfach)\b|\bpob\s+\d/i;
// Where a parcel cannot be delivered without the state or province. Elsewhere Amazon may leave
// stateOrRegion empty (the United Kingdom, Germany) and the address is complete without it.
const STATE_REQUIRED = new Set(["US", "CA"]);

/** The countries the shop delivers to, and how the buyer is told. */
export interface DeliveryArea {
  countries: readonly string[];
  /** "the United States", as in "We only ship to addresses in the United States." */
  description: string;
}

export const UNITED_STATES: DeliveryArea = { countries: ["US"], description: "the United States" };

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** The market's delivery countries, described as "the United Kingdom" or "Germany, Austria or France". */
export function deliveryArea(market: Pick<Market, "deliveryCountries">): DeliveryArea {
  const names = market.deliveryCountries.map((code) => {
    const name = countryNames.of(code) ?? code;
    return /^United /.test(name) ? `the ${name}` : name;
  });
  const description =
    names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return { countries: market.deliveryCountries, description };
}

const filled = (line: string | null | undefined): line is string => !!line && line.trim() !== "";

/** Why the shop cannot ship to the address, or null when it can. */
export function shippingRestriction(
  address: ShippableAddress | null | undefined,
  area: DeliveryArea = UNITED_STATES,
): string | null {
  if (!address) return "No shipping address was selected.";
  const country = (address.countryCode ?? "").trim().toUpperCase();
  if (!area.countries.includes(country)) return `We only ship to addresses in ${area.description}.`;
  // Any of the three lines may hold the street (many German addresses leave the first empty).
  // Checkout.js may share only part of an address, so a missing street is not refused here.
  const lines = [address.addressLine1, address.addressLine2, address.addressLine3].filter(filled);
  if (PO_BOX.test(lines.join(" "))) return "We cannot ship to PO boxes. Please choose a street address.";
  if (STATE_REQUIRED.has(country) && !filled(address.stateOrRegion))
    return "The shipping address has no state.";
  return null;
}
