// An address as display lines, in the order its country writes it. Amazon Pay may leave any
// member null or empty (Japan has no city, Germany often an empty first line, the UK no state),
// so every member is optional and blank ones are left out, never shown as gaps.

/** What the shop shows of an address; every member may be missing. */
export interface DisplayAddress {
  name?: string | null;
  addressLine1?: string | null;
  addressLine2?: string | null;
  addressLine3?: string | null;
  city?: string | null;
  county?: string | null;
  district?: string | null;
  stateOrRegion?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
}

type Part = string | null | undefined;

// The postal code ahead of the town on one line ("10115 Berlin"), as in most of Europe.
const POSTAL_CODE_FIRST = new Set(
  "AT BE CH CZ DE DK ES FI FR GR HU IT LI LU NL NO PL PT SE SI SK".split(" "),
);
// The town, the county and the postcode each on a line of their own.
const POSTCODE_LAST = new Set(["GB", "IE"]);

const filled = (part: Part): part is string => typeof part === "string" && part.trim() !== "";
const present = (parts: Part[]): string[] => parts.filter(filled).map((part) => part.trim());
const joined = (separator: string, parts: Part[]): string => present(parts).join(separator);

/** Japan: 〒postal code, then prefecture and city, then the lines ("〒150-0002 / 東京都 / 渋谷区…"). */
function japaneseLines(a: DisplayAddress): Part[] {
  const postalCode = filled(a.postalCode) ? a.postalCode.trim().replace(/^〒\s*/, "") : null;
  return [
    a.name,
    postalCode ? `〒${postalCode}` : null,
    joined(" ", [a.stateOrRegion, a.city, a.district, a.county]),
    a.addressLine1,
    a.addressLine2,
    a.addressLine3,
    a.countryCode,
  ];
}

function placeLines(a: DisplayAddress, country: string): Part[] {
  if (POSTAL_CODE_FIRST.has(country))
    return [joined(" ", [a.postalCode, a.city]), joined(", ", [a.district, a.county, a.stateOrRegion])];
  if (POSTCODE_LAST.has(country))
    return [joined(", ", [a.district, a.city]), joined(", ", [a.county, a.stateOrRegion]), a.postalCode];
  // The United States' way, and the default: "Seattle, WA 98101".
  return [joined(", ", [a.district, a.city, a.county, joined(" ", [a.stateOrRegion, a.postalCode])])];
}

/** An address as display lines, blank parts left out ("Seattle, WA 98101" is one of them). */
export function formatAddressLines(address: DisplayAddress | null | undefined): string[] {
  if (!address) return [];
  const country = filled(address.countryCode) ? address.countryCode.trim().toUpperCase() : "";
  const lines =
    country === "JP"
      ? japaneseLines(address)
      : [
          address.name,
          address.addressLine1,
          address.addressLine2,
          address.addressLine3,
          ...placeLines(address, country),
          address.countryCode,
        ];
  return present(lines);
}
