import { z } from "zod";

/** An Amazon Checkout Session id as it arrives in URLs and forms (a UUID in practice). */
export const checkoutSessionIdSchema = z
  .string({ error: "Missing Amazon Pay checkout session." })
  .trim()
  .min(1, { error: "Missing Amazon Pay checkout session." })
  .max(100, { error: "That is not an Amazon Pay checkout session." })
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: "That is not an Amazon Pay checkout session." });

export function parseCheckoutSessionId(value: unknown): string | null {
  const parsed = checkoutSessionIdSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}
