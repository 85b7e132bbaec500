// Where the shop ships: the United States, street addresses only (no PO boxes). The same rules
// are sent to Amazon as deliverySpecifications (so the Amazon page greys out other addresses)
// and enforced on our side (review page, Buy Now address events, finalize), because a rule
// that only the other party checks is not a rule.

export const DELIVERY_SPECIFICATIONS = {
  specialRestrictions: ["RestrictPOBoxes"],
  addressRestrictions: { type: "Allowed", restrictions: { US: {} } },
} as const;

export interface ShippableAddress {
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  countryCode?: string | null;
  stateOrRegion?: string | null;
}

const PO_BOX = /\b(p\.?\s*o\.?\s*box|post\s+office\s+box)\b|\bpob\s+\d/i;

/** Why the shop cannot ship to the address, or null when it can. */
export function shippingRestriction(address: ShippableAddress | null | undefined): string | null {
  if (!address) return "No shipping address was selected.";
  if ((address.countryCode ?? "").toUpperCase() !== "US")
    return "We only ship to addresses in the United States.";
  const lines = [address.addressLine1, address.addressLine2, address.addressLine3].filter(Boolean).join(" ");
  if (PO_BOX.test(lines)) return "We cannot ship to PO boxes. Please choose a street address.";
  if (!address.stateOrRegion) return "The shipping address has no state.";
  return null;
}
