import type { ActionResult } from "@/lib/action-result";

interface FormStatusProps {
  state: ActionResult<unknown> | null;
  testId?: string;
}

/** Announces an action's outcome: a polite status on success, an alert on failure. */
export function FormStatus({ state, testId }: FormStatusProps) {
  if (state && !state.ok) {
    return (
      <p className="form-status form-status--error" role="alert" data-testid={testId}>
        {state.error}
      </p>
    );
  }
  return (
    <p className="form-status form-status--ok" role="status" data-testid={testId}>
      {state?.ok ? state.message : ""}
    </p>
  );
}
