"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import { addToCartAction } from "@/lib/cart/action";
import { FormStatus } from "@/components/form-status";

interface AddToCartFormProps {
  /** The form's id: the quantity field outside it belongs to it (its `form` attribute). */
  formId: string;
  slug: string;
  productName: string;
  onOptimisticAdd: (quantity: number) => void;
}

/**
 * The form posts the server action itself, so it works before hydration (or without
 * JavaScript); once hydrated, submitting also bumps the header count optimistically.
 */
export function AddToCartForm({ formId, slug, productName, onOptimisticAdd }: AddToCartFormProps) {
  const [state, formAction, pending] = useActionState(addToCartAction, null);
  const [, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => {
      onOptimisticAdd(Number(form.get("quantity")) || 1);
      formAction(form);
    });
  }

  return (
    <form
      id={formId}
      action={formAction}
      onSubmit={submit}
      className="stack"
      aria-label={`Add ${productName} to cart`}
    >
      <input type="hidden" name="slug" value={slug} />
      <button type="submit" className="button button--block" disabled={pending}>
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <FormStatus state={state} testId="add-to-cart-status" />
    </form>
  );
}
