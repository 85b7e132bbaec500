"use client";

import { useEffect } from "react";
import { useAdminOrders, type AdminOrderRowJson } from "@/lib/swr/use-admin-orders";

interface OrdersPollerProps {
  filter: string;
  initial: AdminOrderRowJson[];
  onRows: (rows: AdminOrderRowJson[]) => void;
  onError: (message: string | null) => void;
}

/** Refreshes the merchant's order list (lib/swr) and reports rows and errors; renders nothing. */
export function OrdersPoller({ filter, initial, onRows, onError }: OrdersPollerProps) {
  const { data, error } = useAdminOrders(filter, initial);
  useEffect(() => {
    if (data) onRows(data);
  }, [data, onRows]);
  useEffect(() => {
    onError(error ? (error instanceof Error ? error.message : "unknown error") : null);
  }, [error, onError]);
  return null;
}
