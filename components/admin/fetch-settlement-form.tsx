"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormStatus } from "@/components/form-status";

interface FetchSettlementFormProps {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}

/** "Fetch the latest report now": Amazon's newest settlement report, reconciled on the server. */
export function FetchSettlementForm({ action }: FetchSettlementFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack" data-testid="fetch-settlement-form">
      <div>
        <button type="submit" className="button button--small" disabled={pending}>
          {pending ? "Fetching and reconciling…" : "Fetch the latest report now"}
        </button>
      </div>
      <FormStatus state={state} testId="fetch-settlement-status" />
    </form>
  );
}
