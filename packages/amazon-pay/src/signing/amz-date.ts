// The x-amz-pay-date header: formatting the form the SDKs send, parsing the forms they accept.
const pad = (n: number) => String(n).padStart(2, "0");

/** Basic ISO-8601 UTC, as the Java, PHP and .NET SDKs send it: 20190923T231908Z. */
export function formatAmzDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Accepts the basic form (20190923T231908Z) and the Node SDK's extended form (2019-09-23T23:19:08Z). */
export function parseAmzDate(text: string): Date | null {
  const m =
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text) ??
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject overflowing fields such as month 13 that Date.UTC would silently roll over.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60
    ? date
    : null;
}
