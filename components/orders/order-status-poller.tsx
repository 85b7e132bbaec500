"use client";

import { useEffect } from "react";
import { useOrderStatus, type OrderStatusResponse } from "@/lib/swr/use-order-status";

interface OrderStatusPollerProps {
  initial: OrderStatusResponse;
  onStatus: (status: OrderStatusResponse) => void;
}

/** Polls the order's status (lib/swr) and reports each answer; renders nothing. */
export function OrderStatusPoller({ initial, onStatus }: OrderStatusPollerProps) {
  const { data } = useOrderStatus(initial.orderNumber, initial);
  useEffect(() => {
    if (data) onStatus(data);
  }, [data, onStatus]);
  return null;
}
