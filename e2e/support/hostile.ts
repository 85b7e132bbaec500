// fast-check arbitraries for hostile input, shared by the hostile-input specs. Fixed seed, few
// runs: the specs stay fast and every failure reproduces.
import fc from "fast-check";

export const FUZZ = (numRuns: number) => ({ seed: 20_261_122, numRuns, endOnFailure: true });

export const PRODUCT_SLUGS = [
  "cedar-trail-backpack",
  "harbor-ceramic-mug",
  "pine-needle-candle",
  "wool-camp-blanket",
  "lighthouse-enamel-pin",
  "tidepool-field-notebook",
  "copper-pour-over-kettle",
  "driftwood-serving-board",
  "fog-line-rain-shell",
  "sailcloth-tote",
] as const;

const ODD_VALUES = [
  "",
  " ",
  "0",
  "-1",
  "-0",
  "1.5",
  "0.1",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e2",
  "100",
  "99.0000001",
  "9007199254740993",
  "99999999999999999999999",
  "١٢",
  "５",
  "0x10",
  "1_000",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "%00",
  "\u0000",
  "\u202e",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Cart"; --',
  "../../etc/passwd",
  "$$",
  "$K1",
  "A".repeat(5_000),
  "😀".repeat(300),
  "ß".repeat(2_000),
  "\r\n\r\n",
  "HP-0000000000",
  "hp-aaaaaaaaaa",
];

/** Any text a browser can send in a form field or a query parameter. */
export const oddText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...ODD_VALUES),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** A value the cart's quantity field never accepts (what z.coerce.number would make of it is not 1-99). */
export const invalidQuantity = (emptyMeansOne: boolean) =>
  oddText.filter((text) => {
    const value = Number(emptyMeansOne && text === "" ? "1" : text);
    return !(Number.isInteger(value) && value >= 1 && value <= 99);
  });

export const notASlug = oddText.filter((text) => !(PRODUCT_SLUGS as readonly string[]).includes(text.trim()));

/** Fields a tampering browser adds to any form: they must change nothing. */
export const tamperingFields = fc.dictionary(
  fc.constantFrom(
    "amount",
    "price",
    "priceMinor",
    "currency",
    "currencyCode",
    "totalMinor",
    "chargeAmount",
    "unitPriceMinor",
  ),
  oddText,
  { maxKeys: 3 },
);

/** Any JSON value, escaped the way React escapes strings that start with "$". */
export const reactEncodable = fc.jsonValue({ maxDepth: 4 }).map(function escape(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escape);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escape(item)]));
  return value;
});

/** A query parameter value as it appears in a URL, including broken %-escapes. */
export const queryValue = fc.oneof(
  oddText.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "?"))),
  fc.constantFrom("%", "%ff", "%zz", "%00", "%E2%9C", "a%20b", "%2e%2e%2f"),
);
