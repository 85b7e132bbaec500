// The result every server action returns: data on success, a buyer-readable message otherwise.
// Actions throw only for bugs; expected failures (bad input, unknown product) come back here.
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const success = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });

export const failure = (error: string, fieldErrors?: Record<string, string[]>): ActionResult<never> => ({
  ok: false,
  error,
  ...(fieldErrors ? { fieldErrors } : {}),
});
