// A state machine's answer applied: the next state, or its refusal thrown as an API error.
import { ApiError } from "../core/api-error";
import type { Transition } from "../state/transition";

export function applyTransition<S>(result: Transition<S>): S {
  if (!result.ok)
    throw new ApiError(result.refusal.status, result.refusal.reasonCode, result.refusal.message);
  return result.next;
}
