"use client";

import { useActionState, useId } from "react";
import { addToCartAction } from "@/lib/cart/action";
import { useCartCount } from "@/components/layout/cart-count";
import { FormStatus } from "@/components/form-status";

interface AddToCartFormProps {
  slug: string;
  productName: string;
}

const QUANTITIES = Array.from({ length: 10 }, (_, i) => i + 1);

export function AddToCartForm({ slug, productName }: AddToCartFormProps) {
  const { addOptimistic } = useCartCount();
  const [state, formAction, pending] = useActionState(async (previous: Awaited<ReturnType<typeof addToCartAction>> | null, form: FormData) => {
    addOptimistic(Number(form.get("quantity")) || 1);
    return addToCartAction(previous, form);
  }, null);
  const quantityId = useId();

  return (
    <form action={formAction} className="stack" aria-label={`Add ${productName} to cart`}>
      <input type="hidden" name="slug" value={slug} />
      <div className="field field--inline">
        <label htmlFor={quantityId}>Quantity</label>
        <select id={quantityId} name="quantity" defaultValue="1">
          {QUANTITIES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--block" disabled={pending}>
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <FormStatus state={state} testId="add-to-cart-status" />
    </form>
  );
}
