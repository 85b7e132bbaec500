"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { completeCheckoutAction } from "@/lib/checkout/action";
import { confirmCheckoutAction } from "@/lib/checkout/complete-action";

interface CompleteCheckoutProps {
  sessionId: string;
  /** "buyer": this browser owns the order and moves on to it; "neutral": it completes and stays. */
  view: "buyer" | "neutral";
}

/**
 * Completes the checkout once, after the page has mounted (rendering or prefetching the result
 * page does nothing). The buyer's browser then moves on to the order or back to the cart; any
 * other browser stays on the neutral page, which says nothing about the order.
 */
export function CompleteCheckout({ sessionId, view }: CompleteCheckoutProps) {
  const router = useRouter();
  const started = useRef(false);
  const [problem, setProblem] = useState(false);

  function run() {
    setProblem(false);
    if (view === "neutral") {
      void confirmCheckoutAction(sessionId).catch(() => undefined);
      return;
    }
    completeCheckoutAction(sessionId)
      .then((result) => {
        if (result.redirectTo) router.replace(result.redirectTo);
        else setProblem(true);
      })
      .catch(() => setProblem(true));
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per mount by design
  }, []);

  if (view === "neutral") return null;
  if (problem) {
    return (
      <div className="notice notice--error" role="alert">
        <p>We could not confirm your payment just now. Nothing will be charged twice.</p>
        <button type="button" className="button" onClick={run}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="notice notice--info" role="status" data-testid="completing">
      Confirming your payment with Amazon Pay…
    </p>
  );
}
