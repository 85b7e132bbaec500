/** A moment as the merchant pages show it, in UTC ("Nov 22, 2026, 11:55:37 AM"). */
export const formatTimestamp = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
