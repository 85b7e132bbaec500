"use client";

import { useEffect } from "react";
import { whenNeeded } from "@/components/layout/when-needed";
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
 * loads when the deferred parts of a page start (whenNeeded: the buyer's first interaction, or
 * idle); a click that comes before the buttons are bound is replayed once they are.
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
      for (const button of buttons) button.removeEventListener("click", onClick);
    }
    for (const button of buttons) button.addEventListener("click", onClick);
    const cancelStart = buttons[0] ? whenNeeded(buttons[0], start) : () => {};
    return () => {
      active = false;
      cancelStart();
      removeListeners();
    };
  }, [checkoutJsUrl, sessionId]);
  return null;
}
