"use client";

import { z } from "zod";

// zod probes whether it may compile validators with `Function`; the Content Security Policy
// forbids eval, so tell it not to try (no console noise, no CSP violation report).
z.config({ jitless: true });

/** GETs JSON without caching and validates it; a non-2xx answer throws a readable error. */
export async function fetchJson<T>(
  url: string,
  schema: z.ZodType<T>,
  messages: Partial<Record<number, string>> = {},
): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(messages[response.status] ?? `HTTP ${response.status}`);
  return schema.parse(await response.json());
}
