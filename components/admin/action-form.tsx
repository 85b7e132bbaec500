"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormStatus } from "@/components/form-status";

interface ActionFormProps {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  orderNumber: string;
  actionKey?: string;
  submitLabel: string;
  pendingLabel: string;
  testId: string;
  tone?: "primary" | "secondary";
  children?: ReactNode;
}

/** One merchant action: its fields, a submit button, and Amazon's answer in words. */
export function ActionForm({
  action,
  orderNumber,
  actionKey,
  submitLabel,
  pendingLabel,
  testId,
  tone = "primary",
  children,
}: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack" data-testid={testId}>
      <input type="hidden" name="orderNumber" value={orderNumber} />
      {actionKey && <input type="hidden" name="actionKey" value={actionKey} />}
      {children}
      <div>
        <button
          type="submit"
          className={`button button--small ${tone === "secondary" ? "button--secondary" : ""}`}
          disabled={pending}
        >
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
      <FormStatus state={state} testId={`${testId}-status`} />
    </form>
  );
}
