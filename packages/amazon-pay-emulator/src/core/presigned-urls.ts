// Short-lived URLs like the pre-signed S3 URLs Amazon hands out for report documents and
// evidence uploads: the path, the signing time and the lifetime, signed with a key that lives
// as long as the emulator process. Expiry runs on the emulator's movable clock.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { formatAmzDate, parseAmzDate } from "@storefront/amazon-pay/signing";

const KEY = randomBytes(32);

const signature = (path: string, date: string, seconds: string) =>
  createHmac("sha256", KEY).update(`${path}\n${date}\n${seconds}`).digest("hex");

/** `path` with X-Amz-Date, X-Amz-Expires and X-Amz-Signature query parameters. */
export function presign(path: string, signedAt: number, lifetimeSeconds: number): string {
  const date = formatAmzDate(new Date(signedAt));
  const seconds = String(lifetimeSeconds);
  const query = new URLSearchParams({
    "X-Amz-Date": date,
    "X-Amz-Expires": seconds,
    "X-Amz-Signature": signature(path, date, seconds),
  });
  return `${path}?${query.toString()}`;
}

export function expiryOf(signedAt: number, lifetimeSeconds: number): number {
  return Math.floor(signedAt / 1000) * 1000 + lifetimeSeconds * 1000;
}

/** Checks a pre-signed URL's query against its path at `now`. */
export function checkPresigned(
  path: string,
  query: URLSearchParams,
  now: number,
): "valid" | "expired" | "invalid" {
  const date = query.get("X-Amz-Date") ?? "";
  const seconds = query.get("X-Amz-Expires") ?? "";
  const given = Buffer.from(query.get("X-Amz-Signature") ?? "", "utf8");
  const expected = Buffer.from(signature(path, date, seconds), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const signedAt = parseAmzDate(date);
  if (!signedAt || !/^\d+$/.test(seconds)) return "invalid";
  return now < signedAt.getTime() + Number(seconds) * 1000 ? "valid" : "expired";
}
