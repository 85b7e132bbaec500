"use client";

import { useActionState, useId, useOptimistic, useTransition, type FormEvent, type ReactNode } from "react";
import { removeCartLineAction, updateCartLineAction } from "@/lib/cart/action";
import type { CartLineView } from "@/lib/cart/repository";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing/quote";
import { FormStatus } from "@/components/form-status";
import { useReportCartActivity } from "./cart-activity";

interface CartLineItemProps {
  line: CartLineView;
  /** The line's total and unit price, written on the server: the browser formats no money. */
  lineTotal: ReactNode;
  unitPrice: ReactNode;
}

export function CartLineItem({ line, lineTotal, unitPrice }: CartLineItemProps) {
  const [optimistic, setOptimistic] = useOptimistic({ quantity: line.quantity, removed: false });
  const [updateState, updateAction, updating] = useActionState(updateCartLineAction, null);
  const [removeState, removeAction, removing] = useActionState(removeCartLineAction, null);
  const [, startTransition] = useTransition();

  // Forms post the server actions directly (they work before hydration); once hydrated, the
  // line changes at once and the totals follow when the server answers.
  function submitUpdate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const quantity = Number(form.get("quantity"));
    startTransition(() => {
      if (Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY_PER_LINE)
        setOptimistic({ quantity, removed: false });
      updateAction(form);
    });
  }
  function submitRemove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => {
      setOptimistic({ quantity: optimistic.quantity, removed: true });
      removeAction(form);
    });
  }
  useReportCartActivity(updating || removing);
  const quantityId = useId();
  const latest = removeState && !removeState.ok ? removeState : updateState;

  if (optimistic.removed) return null;
  return (
    <li className="cart-line" data-testid={`cart-line-${line.slug}`}>
      <div className="cart-line__image">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG: nothing to optimize, no script needed */}
        <img src={line.imagePath} alt="" width={84} height={84} decoding="async" />
      </div>
      <div className="cart-line__info">
        <div className="cart-line__top">
          <a href={`/products/${line.slug}`} className="cart-line__name">
            {line.name}
          </a>
          <span data-testid="line-total">{lineTotal}</span>
        </div>
        {line.available ? (
          <span className="summary__note">{unitPrice} each</span>
        ) : (
          <span className="cart-line__unavailable">No longer available. Remove it to check out.</span>
        )}
        <div className="cart-line__controls">
          {line.available && (
            <form action={updateAction} onSubmit={submitUpdate}>
              <input type="hidden" name="slug" value={line.slug} />
              <label htmlFor={quantityId} className="visually-hidden">
                Quantity of {line.name}
              </label>
              <input
                id={quantityId}
                key={optimistic.quantity}
                type="number"
                name="quantity"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY_PER_LINE}
                step={1}
                required
                defaultValue={optimistic.quantity}
              />
              <button type="submit" className="button button--secondary button--small" disabled={updating}>
                Update<span className="visually-hidden"> quantity of {line.name}</span>
              </button>
            </form>
          )}
          <form action={removeAction} onSubmit={submitRemove}>
            <input type="hidden" name="slug" value={line.slug} />
            <button type="submit" className="link-button" disabled={removing}>
              Remove<span className="visually-hidden"> {line.name}</span>
            </button>
          </form>
        </div>
        <FormStatus state={latest} testId={`cart-line-status-${line.slug}`} />
      </div>
    </li>
  );
}
