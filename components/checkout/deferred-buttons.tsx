"use client";

// Amazon Pay's buttons, loaded when their place comes near the viewport, when the buyer first
// interacts with the page, or when the browser is idle: neither their code nor Amazon's
// checkout.js (which they load) is in a page's first load. Each step (a button's code, then
// its render) runs in a task of its own, in turn with the page's other deferred parts, so two
// buttons on a page never load and render in one long task.
import { useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react";
import { inTurn } from "@/components/layout/in-turn";
import { whenNeeded } from "@/components/layout/when-needed";
import type { AmazonPayButton as EagerAmazonPayButton } from "./amazon-pay-button";
import type { BuyNowButton as EagerBuyNowButton } from "./buy-now-button";

/** The rendered height of Amazon's button (held until it is there). */
const BUTTON_HEIGHT = 45;

function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  return function Deferred(props: P) {
    const place = useRef<HTMLDivElement>(null);
    const [loaded, setLoaded] = useState<{ Component: ComponentType<P> } | "error" | null>(null);
    useEffect(() => {
      const element = place.current;
      if (!element) return;
      let active = true;
      const cancel = whenNeeded(element, () => {
        inTurn(load).then(
          (Component) => active && setLoaded({ Component }),
          () => active && setLoaded("error"),
        );
      });
      return () => {
        active = false;
        cancel();
      };
    }, []);
    if (loaded === "error")
      return (
        <p className="form-status form-status--error" role="alert">
          Amazon Pay could not be loaded. Please reload the page.
        </p>
      );
    if (loaded) return <loaded.Component {...props} />;
    return <div ref={place} style={{ minHeight: BUTTON_HEIGHT }} aria-hidden="true" />;
  };
}

export const AmazonPayButton = deferred<ComponentProps<typeof EagerAmazonPayButton>>(() =>
  import("./amazon-pay-button").then((m) => m.AmazonPayButton),
);

export const BuyNowButton = deferred<ComponentProps<typeof EagerBuyNowButton>>(() =>
  import("./buy-now-button").then((m) => m.BuyNowButton),
);
