"use client";

import { useEffect, useRef, useState } from "react";
import { inTurn, nextTask } from "@/components/layout/in-turn";

// Loads Amazon's checkout.js once per page, however many components need it (next/script
// does not call onReady for a second component while the first one is still loading it).
const loads = new Map<string, Promise<void>>();

/** Loads checkout.js from `src`, once per page; a failed load may be tried again. */
export function loadCheckoutJs(src: string): Promise<void> {
  let load = loads.get(src);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      // Whatever the page does with checkout.js (render a button, bind its buttons) runs in a
      // task of its own, not in the one that evaluated the script.
      script.addEventListener("load", () => void nextTask().then(resolve));
      script.addEventListener("error", () => {
        loads.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      });
      document.head.append(script);
    });
    loads.set(src, load);
  }
  return load;
}

/**
 * Loads checkout.js, then calls `onReady` once for this component, in a task of its own: two
 * buttons on a page render one after the other, not together.
 */
export function useCheckoutJs(src: string, onReady: () => void): "loading" | "ready" | "error" {
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const ready = useRef(onReady);
  useEffect(() => {
    ready.current = onReady;
  });
  useEffect(() => {
    let active = true;
    loadCheckoutJs(src)
      .then(() =>
        inTurn(() => {
          if (!active) return;
          ready.current();
          setStatus("ready");
        }),
      )
      .then(undefined, () => active && setStatus("error"));
    return () => {
      active = false;
    };
  }, [src]);
  return status;
}
