"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchJson, hasStrings, isRecord } from "./fetch-json";

export interface OrderStatusResponse {
  orderNumber: string;
  status: string;
  settled: boolean;
  message: { tone: "ok" | "info" | "error"; title: string; text: string };
}

const TONES = new Set(["ok", "info", "error"]);

/** The body of GET /api/orders/<number>/status, or null when it is not one. */
export function readOrderStatus(body: unknown): OrderStatusResponse | null {
  if (!isRecord(body) || !hasStrings(body, "orderNumber", "status") || typeof body.settled !== "boolean")
    return null;
  const { message } = body;
  if (!isRecord(message) || !hasStrings(message, "tone", "title", "text") || !TONES.has(String(message.tone)))
    return null;
  return body as unknown as OrderStatusResponse;
}

const fetchStatus = (url: string) => fetchJson(url, readOrderStatus);

/**
 * Polls an order's status while it is not settled: every 2 s for the first minute, then every
 * 10 s, and it stops for good once the status settles (never polls a finished order).
 */
export function useOrderStatus(orderNumber: string, initial: OrderStatusResponse) {
  const [startedAt] = useState(() => Date.now());
  return useSWR(`/api/orders/${orderNumber}/status`, fetchStatus, {
    fallbackData: initial,
    revalidateOnFocus: false,
    refreshInterval: (latest) => (latest?.settled ? 0 : Date.now() - startedAt < 60_000 ? 2_000 : 10_000),
  });
}
