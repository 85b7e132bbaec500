"use client";

/**
 * Reads a JSON answer in the browser: the value when the body has the expected shape, null
 * otherwise. Hand-written, so that no validation library ships to the browser (the server
 * parses everything it receives with zod; these only check what the shop itself answered).
 */
export type JsonReader<T> = (body: unknown) => T | null;

/** GETs JSON without caching and reads it; a non-2xx answer or an unexpected body throws a readable error. */
export async function fetchJson<T>(
  url: string,
  read: JsonReader<T>,
  messages: Partial<Record<number, string>> = {},
): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(messages[response.status] ?? `HTTP ${response.status}`);
  const value = read(await response.json());
  if (value === null) throw new Error("The shop's answer was not what this page expected.");
  return value;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** True when every named field of the record is a string. */
export const hasStrings = (record: Record<string, unknown>, ...fields: string[]): boolean =>
  fields.every((field) => typeof record[field] === "string");
