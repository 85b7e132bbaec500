/** Carrier codes from Amazon's Delivery Tracker carrier list (§11.2) that the shop uses. */
export const CARRIERS = ["UPS", "USPS", "FEDEX", "DHL"] as const;
export type Carrier = (typeof CARRIERS)[number];
