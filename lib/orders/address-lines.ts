/** An address as display lines, blank parts left out ("Seattle, WA 98101" is one of them). */
export function formatAddressLines(
  address: {
    name?: string | null;
    addressLine1?: string | null;
    addressLine2?: string | null;
    addressLine3?: string | null;
    city?: string | null;
    stateOrRegion?: string | null;
    postalCode?: string | null;
    countryCode?: string | null;
  } | null,
): string[] {
  if (!address) return [];
  const cityLine = [address.city, [address.stateOrRegion, address.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [
    address.name,
    address.addressLine1,
    address.addressLine2,
    address.addressLine3,
    cityLine,
    address.countryCode,
  ].filter((line): line is string => typeof line === "string" && line.trim() !== "");
}
