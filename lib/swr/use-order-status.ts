"use client";

import { useState } from "react";
import useSWR from "swr";
import { z } from "zod";
import { fetchJson } from "./fetch-json";

const orderStatusSchema = z.object({
  orderNumber: z.string(),
  status: z.string(),
  settled: z.boolean(),
  message: z.object({ tone: z.enum(["ok", "info", "error"]), title: z.string(), text: z.string() }),
});
export type OrderStatusResponse = z.infer<typeof orderStatusSchema>;

const fetchStatus = (url: string) => fetchJson(url, orderStatusSchema);

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
