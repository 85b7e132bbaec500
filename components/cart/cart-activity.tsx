"use client";

import { createContext, use, useEffect, useState, type ReactNode } from "react";

// Lets the order summary show that totals are being recomputed while a cart line's action runs.
const CartActivityContext = createContext<(busy: boolean) => void>(() => undefined);

export function CartActivityProvider({ children, summary }: { children: ReactNode; summary: ReactNode }) {
  const [busyCount, setBusyCount] = useState(0);
  const report = (busy: boolean) => setBusyCount((count) => Math.max(0, count + (busy ? 1 : -1)));
  return (
    <CartActivityContext value={report}>
      {children}
      <div aria-busy={busyCount > 0} className="summary-frame">
        {summary}
      </div>
    </CartActivityContext>
  );
}

export function useReportCartActivity(busy: boolean) {
  const report = use(CartActivityContext);
  useEffect(() => {
    if (!busy) return;
    report(true);
    return () => report(false);
  }, [busy, report]);
}
