"use client";

import { useActionState, useRef } from "react";
import { chooseShippingMethodAction } from "@/lib/checkout/action";
import type { ShippingOption } from "@/lib/checkout/review";
import { formatMoney } from "@/lib/money";
import { FormStatus } from "@/components/form-status";

interface ShippingMethodFormProps {
  sessionId: string;
  options: ShippingOption[];
  selected: string;
}

export function ShippingMethodForm({ sessionId, options, selected }: ShippingMethodFormProps) {
  const [state, formAction, pending] = useActionState(chooseShippingMethodAction, null);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={formAction} aria-busy={pending}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Shipping method</legend>
        {options.map((option) => (
          <label key={option.id} className="row">
            <input
              type="radio"
              name="shippingMethod"
              value={option.id}
              defaultChecked={option.id === selected}
              onChange={() => form.current?.requestSubmit()}
            />
            <span>
              {option.label} ({option.estimate}): {option.cost.amount === 0 ? "Free" : formatMoney(option.cost)}
            </span>
          </label>
        ))}
      </fieldset>
      <noscript>
        <button type="submit" className="button button--secondary button--small">
          Update shipping
        </button>
      </noscript>
      <FormStatus state={state && !state.ok ? state : null} />
    </form>
  );
}
