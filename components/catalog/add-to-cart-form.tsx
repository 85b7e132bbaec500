"use client";

import { useActionState } from "react";
import { addToCartAction } from "@/lib/cart/action";
import { FormStatus } from "@/components/form-status";

interface AddToCartFormProps {
  slug: string;
  productName: string;
  quantity: number;
  onOptimisticAdd: (quantity: number) => void;
}

export function AddToCartForm({ slug, productName, quantity, onOptimisticAdd }: AddToCartFormProps) {
  const [state, formAction, pending] = useActionState(async (previous: Awaited<ReturnType<typeof addToCartAction>> | null, form: FormData) => {
    onOptimisticAdd(Number(form.get("quantity")) || 1);
    return addToCartAction(previous, form);
  }, null);

  return (
    <form action={formAction} className="stack" aria-label={`Add ${productName} to cart`}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="quantity" value={quantity} />
      <button type="submit" className="button button--block" disabled={pending}>
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <FormStatus state={state} testId="add-to-cart-status" />
    </form>
  );
}
