"use client";

import { useSyncExternalStore } from "react";

interface CheckoutNoticeFromUrlProps {
  /** What to say, by notice code (lib/checkout/messages.ts), handed in by the page. */
  notices: Readonly<Record<string, string>>;
}

const subscribe = () => () => undefined; // Buy Now comes back with a full page load
const codeInUrl = () => new URLSearchParams(window.location.search).get("checkout");

/**
 * The notice of a checkout that could not go on (?checkout=<code>), read in the browser so that
 * the page itself is the same for every buyer and can be served from the cache.
 */
export function CheckoutNoticeFromUrl({ notices }: CheckoutNoticeFromUrlProps) {
  const code = useSyncExternalStore(subscribe, codeInUrl, () => null);
  const notice = code !== null && Object.hasOwn(notices, code) ? notices[code] : null;
  if (!notice) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid="checkout-notice">
      {notice}
    </p>
  );
}
