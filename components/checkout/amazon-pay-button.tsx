"use client";

import { useId, useRef } from "react";
import type { AmazonPayButtonProps as ServerProps } from "@/lib/checkout/button-props";
import { amazonPayGlobal, type AmazonPayPrice } from "./checkout-js";
import { useCheckoutJs } from "./use-checkout-js";

interface AmazonPayButtonProps extends ServerProps {
  placement: "Cart" | "Product" | "Checkout";
  estimatedOrderAmount?: AmazonPayPrice;
  /** Runs on click before checkout starts (the product page's express button adds the item first). */
  beforeCheckout?: () => Promise<boolean>;
}

/** Renders Amazon's button with the server-signed createCheckoutSessionConfig. */
export function AmazonPayButton(props: AmazonPayButtonProps) {
  const containerId = `amazon-pay-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const rendered = useRef(false);

  function render() {
    const amazon = amazonPayGlobal();
    if (rendered.current || !amazon || !document.getElementById(containerId)) return;
    rendered.current = true;
    const { beforeCheckout, createCheckoutSessionConfig } = props;
    const button = amazon.Pay.renderButton(`#${containerId}`, {
      merchantId: props.merchantId,
      publicKeyId: createCheckoutSessionConfig.publicKeyId,
      ledgerCurrency: props.ledgerCurrency,
      sandbox: props.sandbox,
      checkoutLanguage: props.checkoutLanguage,
      productType: props.productType,
      placement: props.placement,
      buttonColor: "Gold",
      ...(props.estimatedOrderAmount ? { estimatedOrderAmount: props.estimatedOrderAmount } : {}),
      ...(beforeCheckout ? {} : { createCheckoutSessionConfig }),
    });
    if (beforeCheckout) {
      button.onClick(() => {
        void beforeCheckout().then((go) => {
          if (go) button.initCheckout({ createCheckoutSessionConfig });
        });
      });
    }
  }
  const status = useCheckoutJs(props.checkoutJsUrl, render);

  return (
    <div className="amazon-pay-button">
      <div id={containerId} data-testid="amazon-pay-button" />
      {status === "loading" && <p className="summary__note">Loading Amazon Pay…</p>}
      {status === "error" && (
        <p className="form-status form-status--error" role="alert">
          Amazon Pay could not be loaded. Please reload the page.
        </p>
      )}
    </div>
  );
}
