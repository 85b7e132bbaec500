// Building blocks for reading Amazon's responses leniently: unknown members are kept,
// documented members may be missing or null, and open enums accept values Amazon adds later.
import { z } from "zod";
import { parseAmzDate } from "../signing/amz-date";

/** A response member that may be null or missing; a missing member reads as null. */
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

/** A documented value, or any other string Amazon may add later. */
export type OpenEnum<T extends string> = T | (string & {});

/**
 * An enum read from a response. Documented values give autocompletion and narrowing; an
 * undocumented non-empty string still parses, because refusing e.g. a Charge response after the
 * money moved would be worse than an unknown state. Narrow with the matching `is...` guard.
 */
export const openEnum = <const T extends readonly string[]>(_documented: T) =>
  z
    .string()
    .min(1)
    .transform((value): OpenEnum<T[number]> => value);

/** Type guard for the documented values of an open enum. */
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);

/** `YYYYMMDDTHHMMSSZ` (UTC), kept as received. */
export const amazonTimestamp = z.string();

/** Parses an Amazon timestamp (basic or extended ISO-8601 UTC); null if malformed. */
export function parseAmazonTimestamp(text: string): Date | null {
  return parseAmzDate(text);
}

/** Parses a member that may arrive as a JSON-encoded string (e.g. `shippingAddressList` entries). */
export const jsonStringOr = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);
