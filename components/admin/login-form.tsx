"use client";

import { useActionState } from "react";
import { adminLoginAction } from "@/lib/admin/action";
import { FormStatus } from "@/components/form-status";

interface LoginFormProps {
  next: string | null;
}

export function LoginForm({ next }: LoginFormProps) {
  const [state, formAction, pending] = useActionState(adminLoginAction, null);
  return (
    <form action={formAction} className="panel stack" style={{ maxWidth: 420 }}>
      {next && <input type="hidden" name="next" value={next} />}
      <div className="field">
        <label htmlFor="admin-password">Password</label>
        <input id="admin-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <FormStatus state={state} testId="admin-login-status" />
    </form>
  );
}
