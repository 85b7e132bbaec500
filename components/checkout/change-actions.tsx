"use client";

import { useRef } from "react";
import { amazonPayGlobal } from "./checkout-js";
import { useCheckoutJs } from "./use-checkout-js";

interface ChangeActionsProps {
  checkoutJsUrl: string;
  sessionId: string;
}

/** Binds the review page's "Change" buttons to Amazon's pages (bindChangeAction). */
export function ChangeActions({ checkoutJsUrl, sessionId }: ChangeActionsProps) {
  const bound = useRef(false);
  function bind() {
    const amazon = amazonPayGlobal();
    if (bound.current || !amazon) return;
    bound.current = true;
    amazon.Pay.bindChangeAction("#change-address", {
      amazonCheckoutSessionId: sessionId,
      changeAction: "changeAddress",
    });
    amazon.Pay.bindChangeAction("#change-payment", {
      amazonCheckoutSessionId: sessionId,
      changeAction: "changePayment",
    });
  }
  useCheckoutJs(checkoutJsUrl, bind);
  return null;
}
