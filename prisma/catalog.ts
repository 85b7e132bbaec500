// The seeded catalog. Prices are integer cents; slugs are stable identifiers used in URLs and
// in cart forms, so they never change once published.
export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: "USD";
}

export const CATALOG: readonly SeedProduct[] = [
  {
    slug: "cedar-trail-backpack",
    name: "Cedar Trail Backpack",
    description:
      "A 28-litre waxed-canvas daypack with a padded laptop sleeve, leather-trimmed straps and a roll top that keeps the rain out on long coastal walks.",
    priceMinor: 8900,
    currency: "USD",
  },
  {
    slug: "harbor-ceramic-mug",
    name: "Harbor Ceramic Mug",
    description:
      "Wheel-thrown stoneware mug in a sea-glass glaze. Holds 12 oz, keeps coffee warm through the morning fog, and is dishwasher safe.",
    priceMinor: 1850,
    currency: "USD",
  },
  {
    slug: "pine-needle-candle",
    name: "Pine Needle Candle",
    description:
      "Hand-poured soy candle scented with Douglas fir, cedarwood and a little smoke. Burns cleanly for about 45 hours in a reusable amber jar.",
    priceMinor: 2400,
    currency: "USD",
  },
  {
    slug: "wool-camp-blanket",
    name: "Wool Camp Blanket",
    description:
      "A heavyweight blanket woven from undyed merino and recycled wool, sized for a bench by the fire or the back seat on a cold drive north.",
    priceMinor: 12900,
    currency: "USD",
  },
  {
    slug: "lighthouse-enamel-pin",
    name: "Lighthouse Enamel Pin",
    description:
      "Hard-enamel pin of the Point Reyes light, with gold-plated edges and a locking clasp. Small enough for a hat band, bright enough to spot.",
    priceMinor: 799,
    currency: "USD",
  },
  {
    slug: "tidepool-field-notebook",
    name: "Tidepool Field Notebook",
    description:
      "Water-resistant pocket notebook with 64 dot-grid pages and a tide table inside the cover, for sketches, lists and the names of things you find.",
    priceMinor: 1200,
    currency: "USD",
  },
  {
    slug: "copper-pour-over-kettle",
    name: "Copper Pour-Over Kettle",
    description:
      "A one-litre gooseneck kettle in hammered copper with a stainless lining. The slow, steady spout makes pour-over coffee easy to get right.",
    priceMinor: 6400,
    currency: "USD",
  },
  {
    slug: "driftwood-serving-board",
    name: "Driftwood Serving Board",
    description:
      "Reclaimed walnut board with a live edge and a juice groove, finished with food-safe oil. Every one is a little different.",
    priceMinor: 4200,
    currency: "USD",
  },
  {
    slug: "fog-line-rain-shell",
    name: "Fog Line Rain Shell",
    description:
      "A packable three-layer rain jacket with taped seams, pit zips and a hood that moves with you. Folds into its own chest pocket.",
    priceMinor: 14900,
    currency: "USD",
  },
  {
    slug: "sailcloth-tote",
    name: "Sailcloth Tote",
    description:
      "Roomy tote cut from retired sailcloth, with rope handles and an inner pocket. Carries groceries, towels or a week of library books.",
    priceMinor: 3600,
    currency: "USD",
  },
];
