/** Carrier codes from Amazon's Delivery Tracker carrier list that the shop uses. */
export const CARRIERS = ["UPS", "USPS", "FEDEX", "DHL"] as const;
export type Carrier = (typeof CARRIERS)[number];
