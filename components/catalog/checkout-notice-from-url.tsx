"use client";

import { useSearchParams } from "next/navigation";
import { CHECKOUT_NOTICES, isCheckoutNotice } from "@/lib/checkout/messages";

/**
 * The notice of a checkout that could not go on (?checkout=<code>), read in the browser so the
 * page itself stays the same for every buyer and can be served from the cache.
 */
export function CheckoutNoticeFromUrl() {
  const code = useSearchParams().get("checkout");
  if (!isCheckoutNotice(code)) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid="checkout-notice">
      {CHECKOUT_NOTICES[code]}
    </p>
  );
}
