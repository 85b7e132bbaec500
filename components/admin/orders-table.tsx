"use client";

import { lazy, useState } from "react";
import { Price } from "@/components/price";
import type { AdminOrderRowJson } from "@/lib/swr/use-admin-orders";
import { AfterHydration } from "@/components/layout/after-hydration";
import { StatusBadge } from "./status-badge";

// The list is rendered on the server; the poller (and SWR with it) loads after the page.
const OrdersPoller = lazy(() => import("./orders-poller").then((m) => ({ default: m.OrdersPoller })));

interface OrdersTableProps {
  filter: string;
  initial: AdminOrderRowJson[];
}

export function OrdersTable({ filter, initial }: OrdersTableProps) {
  const [polled, setPolled] = useState<AdminOrderRowJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const orders = polled ?? initial;
  return (
    <>
      <AfterHydration>
        <OrdersPoller filter={filter} initial={initial} onRows={setPolled} onError={setError} />
      </AfterHydration>
      {error && (
        <p className="notice notice--error" role="alert">
          Could not refresh the list: {error}
        </p>
      )}
      {orders.length === 0 ? (
        <p className="empty-state">No orders match this filter.</p>
      ) : (
        <table className="data-table" data-testid="admin-orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Buyer</th>
              <th scope="col">Payment</th>
              <th scope="col">Shipping</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.orderNumber} data-testid={`admin-order-${order.orderNumber}`}>
                <td>
                  <a href={`/admin/orders/${order.orderNumber}`}>{order.orderNumber}</a>
                </td>
                <td>
                  {new Date(order.placedAt).toLocaleString("en-US", {
                    dateStyle: "medium",
                    timeStyle: "short",
                    timeZone: "UTC",
                  })}
                </td>
                <td>{order.buyerName ?? "—"}</td>
                <td>
                  <StatusBadge status={order.status} />{" "}
                  <span className="summary__note">{order.paymentIntent}</span>
                </td>
                <td>{order.fulfillmentStatus}</td>
                <td className="num">
                  <Price value={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
