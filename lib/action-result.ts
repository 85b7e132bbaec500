// The result every server action returns: data on success, a buyer-readable message otherwise,
// and where the browser goes next when the action moves the buyer on. Actions throw only for bugs
// (and redirect() in no-JavaScript form posts); expected failures (bad input, unknown product)
// come back here. A plain form action that always answers with a redirect returns never.
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string; redirectTo?: string }
  | {
      ok: false;
      error: string;
      /** A machine-readable reason, for callers that pass it on (checkout.js's reasonCode). */
      code?: string;
      fieldErrors?: Record<string, string[]>;
      redirectTo?: string;
    };

export const success = <T>(
  data: T,
  options: { message?: string; redirectTo?: string } = {},
): ActionResult<T> => ({ ok: true, data, ...options });

export const failure = (
  error: string,
  options: { code?: string; fieldErrors?: Record<string, string[]>; redirectTo?: string } = {},
): ActionResult<never> => ({ ok: false, error, ...options });
