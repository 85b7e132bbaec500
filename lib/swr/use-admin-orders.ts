"use client";

import useSWR from "swr";
import { isCurrency, type Money } from "@/lib/money";
import { fetchJson, hasStrings, isRecord } from "./fetch-json";

export interface AdminOrderRowJson {
  orderNumber: string;
  placedAt: string;
  buyerName: string | null;
  total: Money;
  status: string;
  fulfillmentStatus: string;
  paymentIntent: string;
  flow: string;
}

function isRow(row: unknown): row is AdminOrderRowJson {
  if (!isRecord(row)) return false;
  const { total, buyerName } = row;
  return (
    hasStrings(row, "orderNumber", "placedAt", "status", "fulfillmentStatus", "paymentIntent", "flow") &&
    (buyerName === null || typeof buyerName === "string") &&
    isRecord(total) &&
    Number.isSafeInteger(total.amount) &&
    isCurrency(String(total.currency))
  );
}

/** The rows of GET /api/admin/orders, or null when the body is not such a list. */
export function readAdminOrders(body: unknown): AdminOrderRowJson[] | null {
  return isRecord(body) && Array.isArray(body.orders) && body.orders.every(isRow) ? body.orders : null;
}

const fetchOrders = (url: string) =>
  fetchJson(url, readAdminOrders, { 401: "Your merchant session has ended. Sign in again." });

/** The merchant order list, refreshed every 5 seconds. */
export function useAdminOrders(filter: string, initial: AdminOrderRowJson[]) {
  return useSWR(`/api/admin/orders?status=${encodeURIComponent(filter)}`, fetchOrders, {
    fallbackData: initial,
    refreshInterval: 5_000,
  });
}
