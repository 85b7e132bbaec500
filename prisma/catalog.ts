// The seeded catalog. Prices are per currency, in its minor units (cents, pence; JPY has none), as
// the buyer pays them: EUR, GBP and JPY prices include VAT or consumption tax, USD prices do not
// (US sales tax is added at checkout). Selling in another currency is adding it to `prices`.
// Slugs are stable identifiers used in URLs and in cart forms, so they never change once published.
export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  prices: Readonly<Record<string, number>>;
}

export const CATALOG: readonly SeedProduct[] = [
  {
    slug: "cedar-trail-backpack",
    name: "Cedar Trail Backpack",
    description:
      "A 28-litre waxed-canvas daypack with a padded laptop sleeve, leather-trimmed straps and a roll top that keeps the rain out on long coastal walks.",
    prices: { USD: 8900, EUR: 8900, GBP: 7900, JPY: 12800 },
  },
  {
    slug: "harbor-ceramic-mug",
    name: "Harbor Ceramic Mug",
    description:
      "Wheel-thrown stoneware mug in a sea-glass glaze. Holds 12 oz, keeps coffee warm through the morning fog, and is dishwasher safe.",
    prices: { USD: 1850, EUR: 1790, GBP: 1550, JPY: 2980 },
  },
  {
    slug: "pine-needle-candle",
    name: "Pine Needle Candle",
    description:
      "Hand-poured soy candle scented with Douglas fir, cedarwood and a little smoke. Burns cleanly for about 45 hours in a reusable amber jar.",
    prices: { USD: 2400, EUR: 2290, GBP: 1950, JPY: 3300 },
  },
  {
    slug: "wool-camp-blanket",
    name: "Wool Camp Blanket",
    description:
      "A heavyweight blanket woven from undyed merino and recycled wool, sized for a bench by the fire or the back seat on a cold drive north.",
    prices: { USD: 12900, EUR: 12900, GBP: 10900, JPY: 18700 },
  },
  {
    slug: "lighthouse-enamel-pin",
    name: "Lighthouse Enamel Pin",
    description:
      "Hard-enamel pin of the Point Reyes light, with gold-plated edges and a locking clasp. Small enough for a hat band, bright enough to spot.",
    prices: { USD: 799, EUR: 790, GBP: 650, JPY: 1100 },
  },
  {
    slug: "tidepool-field-notebook",
    name: "Tidepool Field Notebook",
    description:
      "Water-resistant pocket notebook with 64 dot-grid pages and a tide table inside the cover, for sketches, lists and the names of things you find.",
    prices: { USD: 1200, EUR: 1190, GBP: 995, JPY: 1650 },
  },
  {
    slug: "copper-pour-over-kettle",
    name: "Copper Pour-Over Kettle",
    description:
      "A one-litre gooseneck kettle in hammered copper with a stainless lining. The slow, steady spout makes pour-over coffee easy to get right.",
    prices: { USD: 6400, EUR: 6490, GBP: 5500, JPY: 8980 },
  },
  {
    slug: "driftwood-serving-board",
    name: "Driftwood Serving Board",
    description:
      "Reclaimed walnut board with a live edge and a juice groove, finished with food-safe oil. Every one is a little different.",
    prices: { USD: 4200, EUR: 3990, GBP: 3500, JPY: 5800 },
  },
  {
    slug: "fog-line-rain-shell",
    name: "Fog Line Rain Shell",
    description:
      "A packable three-layer rain jacket with taped seams, pit zips and a hood that moves with you. Folds into its own chest pocket.",
    prices: { USD: 14900, EUR: 14900, GBP: 12900, JPY: 21800 },
  },
  {
    slug: "sailcloth-tote",
    name: "Sailcloth Tote",
    description:
      "Roomy tote cut from retired sailcloth, with rope handles and an inner pocket. Carries groceries, towels or a week of library books.",
    prices: { USD: 3600, EUR: 3490, GBP: 2900, JPY: 4980 },
  },
];
