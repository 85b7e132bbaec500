"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useOrderStatus, type OrderStatusResponse } from "@/lib/swr/use-order-status";

interface OrderStatusBannerProps {
  initial: OrderStatusResponse;
}

/** The order's status message; while the payment is pending it polls and refreshes the page once it settles. */
export function OrderStatusBanner({ initial }: OrderStatusBannerProps) {
  const router = useRouter();
  const { data } = useOrderStatus(initial.orderNumber, initial);
  const status = data ?? initial;
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
      {status.status === "Failed" && (
        <Link href="/cart" className="button">
          Back to your cart
        </Link>
      )}
    </section>
  );
}
