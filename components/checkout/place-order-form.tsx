"use client";

import { useActionState } from "react";
import { placeOrderAction } from "@/lib/checkout/action";
import { FormStatus } from "@/components/form-status";

interface PlaceOrderFormProps {
  sessionId: string;
  fingerprint: string;
  disabledReason: string | null;
}

export function PlaceOrderForm({ sessionId, fingerprint, disabledReason }: PlaceOrderFormProps) {
  const [state, formAction, pending] = useActionState(placeOrderAction, null);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <button
        type="submit"
        className="button button--block"
        disabled={pending || disabledReason !== null}
        aria-describedby={disabledReason ? "place-order-blocked" : undefined}
      >
        {pending ? "Placing your order…" : "Place order"}
      </button>
      {disabledReason && (
        <p id="place-order-blocked" className="summary__note">
          {disabledReason}
        </p>
      )}
      <FormStatus state={state} testId="place-order-status" />
      <p className="summary__note">You will confirm the payment with Amazon Pay in the next step.</p>
    </form>
  );
}
