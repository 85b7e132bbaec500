"use client";

import { useCallback, useId, useRef, useState, useSyncExternalStore } from "react";
import { addToCartAction } from "@/lib/cart/action";
import type { AmazonPayButtonProps, BuyNowButtonProps } from "@/lib/checkout/button-props";
import { multiply, type Money } from "@/lib/money";
import { useCartCount } from "@/components/layout/cart-count";
import { AmazonPayButton, BuyNowButton } from "@/components/checkout/deferred-buttons";
import { amazonPayPrice } from "@/components/checkout/checkout-js";
import { AddToCartForm } from "./add-to-cart-form";

interface BuyBoxProps {
  slug: string;
  productName: string;
  price: Money;
  express: AmazonPayButtonProps | null;
  buyNow: BuyNowButtonProps | null;
  /** False for a product that reaches the buyer without a parcel: Buy Now asks for no address. */
  requiresShipping?: boolean;
}

const QUANTITIES = Array.from({ length: 10 }, (_, i) => i + 1);

/** Quantity, "Add to cart", Amazon Pay express checkout (adds, then checks out) and Buy Now. */
export function BuyBox({ slug, productName, price, express, buyNow, requiresShipping = true }: BuyBoxProps) {
  // The quantity is the field's own: a buyer may have chosen before the page hydrated.
  const quantitySelect = useRef<HTMLSelectElement>(null);
  const chosenQuantity = () => Number(quantitySelect.current?.value ?? 1);
  const onQuantityChange = useCallback((changed: () => void) => {
    const select = quantitySelect.current;
    select?.addEventListener("change", changed);
    return () => select?.removeEventListener("change", changed);
  }, []);
  const quantity = useSyncExternalStore(onQuantityChange, chosenQuantity, () => 1);
  const [expressError, setExpressError] = useState<string | null>(null);
  const { addOptimistic } = useCartCount();
  const quantityId = useId();
  const addFormId = useId();

  async function addBeforeExpressCheckout(): Promise<boolean> {
    setExpressError(null);
    const form = new FormData();
    form.set("slug", slug);
    form.set("quantity", String(chosenQuantity()));
    const result = await addToCartAction(null, form);
    if (!result.ok) setExpressError(result.error);
    return result.ok;
  }

  return (
    <div className="buy-box">
      <div className="field field--inline">
        <label htmlFor={quantityId}>Quantity</label>
        {/* Part of the add-to-cart form (form=): it counts even before the page has hydrated, or without JavaScript. */}
        <select id={quantityId} ref={quantitySelect} name="quantity" form={addFormId} defaultValue={1}>
          {QUANTITIES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <AddToCartForm
        formId={addFormId}
        slug={slug}
        productName={productName}
        onOptimisticAdd={addOptimistic}
      />
      {express && (
        <>
          <p className="buy-box__divider">or check out now</p>
          <AmazonPayButton
            {...express}
            placement="Product"
            estimatedOrderAmount={amazonPayPrice(multiply(price, quantity))}
            beforeCheckout={addBeforeExpressCheckout}
          />
          {expressError && (
            <p className="form-status form-status--error" role="alert">
              {expressError}
            </p>
          )}
        </>
      )}
      {buyNow && (
        <>
          <p className="buy-box__divider">or buy just this item</p>
          <BuyNowButton
            {...buyNow}
            slug={slug}
            quantity={chosenQuantity}
            estimatedOrderAmount={amazonPayPrice(multiply(price, quantity))}
            productType={requiresShipping ? "PayAndShip" : "PayOnly"}
          />
        </>
      )}
    </div>
  );
}
