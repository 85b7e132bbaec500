"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import {
  buyNowAddressAction,
  buyNowCompleteAction,
  buyNowDeliveryAction,
  buyNowInitAction,
} from "@/lib/checkout/buy-now-action";
import type { BuyNowButtonProps as ServerProps } from "@/lib/checkout/button-props";
import { amazonPayGlobal, checkoutJsAnswer, checkoutJsError, type AmazonPayPrice } from "./checkout-js";
import { useCheckoutJs } from "./use-checkout-js";

interface BuyNowButtonProps extends ServerProps {
  slug: string;
  /** Read at click time, so the quantity chosen on the page is the one bought. */
  quantity: () => number;
  estimatedOrderAmount: AmazonPayPrice;
  /** PayOnly for a product that needs no shipping: Amazon asks for no shipping address. */
  productType?: "PayAndShip" | "PayOnly";
}

interface AmazonEvent {
  amazonCheckoutSessionId?: string;
  shippingAddress?: unknown;
  billingAddress?: unknown;
  deliveryOptions?: { id?: string };
}

/** Amazon's Buy Now button: the buyer completes on Amazon's page; the shop answers its events. */
export function BuyNowButton(props: BuyNowButtonProps) {
  const router = useRouter();
  const containerId = `buy-now-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const [canceled, setCanceled] = useState(false);
  const rendered = useRef(false);
  const lastAddress = useRef<unknown>(null);

  function render() {
    const amazon = amazonPayGlobal();
    if (rendered.current || !amazon || !document.getElementById(containerId)) return;
    rendered.current = true;
    amazon.Pay.renderJSButton(`#${containerId}`, {
      merchantId: props.merchantId,
      ledgerCurrency: props.ledgerCurrency,
      sandbox: props.sandbox,
      checkoutLanguage: props.checkoutLanguage,
      productType: props.productType ?? "PayAndShip",
      placement: "Product",
      buttonColor: "Gold",
      estimatedOrderAmount: props.estimatedOrderAmount,
      checkoutSessionConfig: props.checkoutSessionConfig,
      onInitCheckout: (event: AmazonEvent) => {
        lastAddress.current = event.shippingAddress ?? null;
        return buyNowInitAction({
          sessionId: event.amazonCheckoutSessionId,
          slug: props.slug,
          quantity: props.quantity(),
          shippingAddress: event.shippingAddress ?? null,
          billingAddress: event.billingAddress ?? null,
        }).then(checkoutJsAnswer);
      },
      onShippingAddressSelection: (event: AmazonEvent) => {
        lastAddress.current = event.shippingAddress ?? null;
        return buyNowAddressAction({
          sessionId: event.amazonCheckoutSessionId,
          shippingAddress: event.shippingAddress ?? null,
        }).then(checkoutJsAnswer);
      },
      onDeliveryOptionSelection: (event: AmazonEvent) =>
        buyNowDeliveryAction({
          sessionId: event.amazonCheckoutSessionId,
          deliveryOptionId: event.deliveryOptions?.id,
          shippingAddress: lastAddress.current,
        }).then(checkoutJsAnswer),
      onCompleteCheckout: async (event: AmazonEvent) => {
        const result = await buyNowCompleteAction({ sessionId: event.amazonCheckoutSessionId });
        if (result.ok && result.redirectTo) router.push(result.redirectTo);
        // A failed payment starts over: the product page loads afresh with the notice, and
        // Amazon's dialog of the spent checkout goes with the old page.
        else if (result.redirectTo) window.location.assign(result.redirectTo);
        return result.ok ? { status: "success" } : checkoutJsError(result);
      },
      onCancel: () => setCanceled(true),
    });
  }
  const status = useCheckoutJs(props.checkoutJsUrl, render);

  return (
    <div className="amazon-pay-button">
      <div id={containerId} data-testid="buy-now-button" />
      {status === "loading" && <p className="summary__note">Loading Amazon Pay…</p>}
      {canceled && (
        <p className="summary__note" role="status">
          Buy Now was canceled. Nothing was charged.
        </p>
      )}
      {status === "error" && (
        <p className="form-status form-status--error" role="alert">
          Amazon Pay could not be loaded. Please reload the page.
        </p>
      )}
    </div>
  );
}
