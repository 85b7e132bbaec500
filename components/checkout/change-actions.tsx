"use client";

import { useEffect } from "react";
import { onIdle } from "@/components/layout/on-idle";
import { amazonPayGlobal } from "./checkout-js";
import { loadCheckoutJs } from "./use-checkout-js";

interface ChangeActionsProps {
  checkoutJsUrl: string;
  sessionId: string;
}

const CHANGE_BUTTONS = [
  { id: "change-address", changeAction: "changeAddress" },
  { id: "change-payment", changeAction: "changePayment" },
] as const;

/**
 * Binds the review page's "Change" buttons to Amazon's pages (bindChangeAction). checkout.js
 * loads once the browser is idle, or as soon as the buyer reaches for a button; a click that
 * comes before the buttons are bound is replayed once they are.
 */
export function ChangeActions({ checkoutJsUrl, sessionId }: ChangeActionsProps) {
  useEffect(() => {
    const buttons = CHANGE_BUTTONS.flatMap(({ id }) => document.getElementById(id) ?? []);
    let active = true;
    let loading = false;
    let clicked: HTMLElement | null = null;

    function start() {
      if (loading) return;
      loading = true;
      cancelIdle();
      loadCheckoutJs(checkoutJsUrl).then(
        () => {
          const amazon = amazonPayGlobal();
          if (!active || !amazon) return;
          removeListeners();
          for (const { id, changeAction } of CHANGE_BUTTONS)
            amazon.Pay.bindChangeAction(`#${id}`, { amazonCheckoutSessionId: sessionId, changeAction });
          clicked?.click();
        },
        () => {
          loading = false; // the next click tries again
        },
      );
    }
    function onClick(event: Event) {
      clicked = event.currentTarget as HTMLElement;
      start();
    }
    function removeListeners() {
      for (const button of buttons) {
        button.removeEventListener("pointerover", start);
        button.removeEventListener("focus", start);
        button.removeEventListener("click", onClick);
      }
    }
    for (const button of buttons) {
      button.addEventListener("pointerover", start);
      button.addEventListener("focus", start);
      button.addEventListener("click", onClick);
    }
    const cancelIdle = onIdle(start);
    return () => {
      active = false;
      cancelIdle();
      removeListeners();
    };
  }, [checkoutJsUrl, sessionId]);
  return null;
}
