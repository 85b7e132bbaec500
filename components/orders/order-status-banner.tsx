"use client";

import { useRouter } from "next/navigation";
import { lazy, useEffect, useRef, useState } from "react";
import type { OrderStatusResponse } from "@/lib/swr/use-order-status";
import { AfterHydration } from "@/components/layout/after-hydration";

// The poller (and SWR with it) loads only for an order still pending, after the page: a
// settled order's page ships no polling code at all.
const OrderStatusPoller = lazy(() =>
  import("./order-status-poller").then((m) => ({ default: m.OrderStatusPoller })),
);

interface OrderStatusBannerProps {
  initial: OrderStatusResponse;
}

/** The order's status message; while the payment is pending it polls and refreshes the page once it settles. */
export function OrderStatusBanner({ initial }: OrderStatusBannerProps) {
  const router = useRouter();
  const [polled, setPolled] = useState<OrderStatusResponse | null>(null);
  const status = polled ?? initial;
  const refreshedFor = useRef(initial.status);
  useEffect(() => {
    if (status.status !== refreshedFor.current) {
      refreshedFor.current = status.status;
      router.refresh();
    }
  }, [status.status, router]);
  const tone =
    status.message.tone === "error"
      ? "notice--error"
      : status.message.tone === "ok"
        ? "notice--ok"
        : "notice--info";
  return (
    <section
      className={`notice ${tone}`}
      role={status.message.tone === "error" ? "alert" : "status"}
      data-testid="order-status"
      data-status={status.status}
    >
      <h2>{status.message.title}</h2>
      <p>{status.message.text}</p>
      {!status.settled && <p className="summary__note">Checking with Amazon Pay…</p>}
      {!initial.settled && (
        <AfterHydration>
          <OrderStatusPoller initial={initial} onStatus={setPolled} />
        </AfterHydration>
      )}
      {status.status === "Failed" && (
        <a href="/cart" className="button">
          Back to your cart
        </a>
      )}
    </section>
  );
}
