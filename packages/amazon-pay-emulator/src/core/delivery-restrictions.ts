// Applies a Checkout Session's deliverySpecifications to an address: which addresses the
// hosted page shows as unselectable, and why.
import type { AddressRecord } from "./test-buyers";

export interface DeliverySpecifications {
  specialRestrictions?: ("RestrictPOBoxes" | "RestrictPackstations")[] | undefined;
  addressRestrictions?:
    | {
        type: "Allowed" | "NotAllowed";
        restrictions: Record<
          string,
          { statesOrRegions?: string[] | undefined; zipCodes?: string[] | undefined }
        >;
      }
    | undefined;
}

/** Countries where Amazon applies RestrictPOBoxes. */
const PO_BOX_COUNTRIES = new Set(["US", "CA", "GB", "FR", "DE", "ES", "PT", "IT", "AU"]);
const PO_BOX =
  /\b(p\.?\s*o\.?\s*box|post\s+office\s+box|postfach|apartado|boîte\s+postale|casella\s+postale)\b/i;
const PACKSTATION = /\b(packstation|postfiliale)\b/i;

const lines = (a: AddressRecord) =>
  [a.addressLine1, a.addressLine2, a.addressLine3].filter((l): l is string => !!l);
const norm = (value: string | null | undefined) => (value ?? "").trim().toUpperCase();

function matchesEntry(
  address: AddressRecord,
  entry: { statesOrRegions?: string[] | undefined; zipCodes?: string[] | undefined },
): boolean {
  const states = entry.statesOrRegions ?? [];
  const zips = entry.zipCodes ?? [];
  // An empty entry ("US": {}) stands for the whole country.
  if (states.length === 0 && zips.length === 0) return true;
  const state = norm(address.stateOrRegion);
  const zip = norm(address.postalCode);
  return (
    states.some((s) => norm(s) === state) || zips.some((z) => zip === norm(z) || zip.startsWith(norm(z)))
  );
}

/** Why the address cannot be used under these specifications, or null when it can. */
export function deliveryRestriction(
  address: AddressRecord,
  specs: DeliverySpecifications | null | undefined,
): string | null {
  if (!specs) return null;
  const country = norm(address.countryCode);
  const special = specs.specialRestrictions ?? [];
  if (
    special.includes("RestrictPOBoxes") &&
    PO_BOX_COUNTRIES.has(country) &&
    lines(address).some((l) => PO_BOX.test(l))
  ) {
    return "The merchant does not ship to PO boxes.";
  }
  if (
    special.includes("RestrictPackstations") &&
    country === "DE" &&
    lines(address).some((l) => PACKSTATION.test(l))
  ) {
    return "The merchant does not ship to Packstations.";
  }
  const restrictions = specs.addressRestrictions;
  if (restrictions) {
    const entry = restrictions.restrictions[country];
    const matches = entry !== undefined && matchesEntry(address, entry);
    const where = [address.stateOrRegion, country].filter(Boolean).join(", ");
    if (restrictions.type === "Allowed" && !matches) return `The merchant does not ship to ${where}.`;
    if (restrictions.type === "NotAllowed" && matches) return `The merchant does not ship to ${where}.`;
  }
  return null;
}
