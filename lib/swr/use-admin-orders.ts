"use client";

import useSWR from "swr";
import { z } from "zod";
import { fetchJson } from "./fetch-json";

const moneySchema = z.object({ amount: z.number().int(), currency: z.enum(["USD", "EUR", "GBP", "JPY"]) });
const rowSchema = z.object({
  orderNumber: z.string(),
  placedAt: z.string(),
  buyerName: z.string().nullable(),
  total: moneySchema,
  status: z.string(),
  fulfillmentStatus: z.string(),
  paymentIntent: z.string(),
  flow: z.string(),
});
export type AdminOrderRowJson = z.infer<typeof rowSchema>;

const listSchema = z.object({ orders: z.array(rowSchema) });

async function fetchOrders(url: string): Promise<AdminOrderRowJson[]> {
  return (await fetchJson(url, listSchema, { 401: "Your merchant session has ended. Sign in again." }))
    .orders;
}

/** The merchant order list, refreshed every 5 seconds. */
export function useAdminOrders(filter: string, initial: AdminOrderRowJson[]) {
  return useSWR(`/api/admin/orders?status=${encodeURIComponent(filter)}`, fetchOrders, {
    fallbackData: initial,
    refreshInterval: 5_000,
  });
}
