"use client";

// Amazon Pay's buttons, loaded when their place comes near the viewport or the browser is idle:
// neither their code nor Amazon's checkout.js (which they load) is in a page's first load.
import { lazy, Suspense, type ComponentProps } from "react";
import { WhenNearViewport } from "@/components/layout/when-near-viewport";
import type { AmazonPayButton as EagerAmazonPayButton } from "./amazon-pay-button";
import type { BuyNowButton as EagerBuyNowButton } from "./buy-now-button";

/** The rendered height of Amazon's button (held until it is there). */
const BUTTON_HEIGHT = 45;

const LazyAmazonPayButton = lazy(() =>
  import("./amazon-pay-button").then((m) => ({ default: m.AmazonPayButton })),
);
const LazyBuyNowButton = lazy(() => import("./buy-now-button").then((m) => ({ default: m.BuyNowButton })));

const placeholder = <div style={{ minHeight: BUTTON_HEIGHT }} aria-hidden="true" />;

export function AmazonPayButton(props: ComponentProps<typeof EagerAmazonPayButton>) {
  return (
    <WhenNearViewport minHeight={BUTTON_HEIGHT}>
      <Suspense fallback={placeholder}>
        <LazyAmazonPayButton {...props} />
      </Suspense>
    </WhenNearViewport>
  );
}

export function BuyNowButton(props: ComponentProps<typeof EagerBuyNowButton>) {
  return (
    <WhenNearViewport minHeight={BUTTON_HEIGHT}>
      <Suspense fallback={placeholder}>
        <LazyBuyNowButton {...props} />
      </Suspense>
    </WhenNearViewport>
  );
}
