"use server";

import { failure, success, type ActionResult } from "@/lib/action-result";
import { completeCheckout } from "./complete";
import { checkoutSessionIdSchema } from "./session-id";

/**
 * The result page in a browser that does not own the order: completes the checkout by its
 * session id alone and answers nothing about the order (the page stays neutral).
 */
export async function confirmCheckoutAction(rawSessionId: unknown): Promise<ActionResult> {
  const sessionId = checkoutSessionIdSchema.safeParse(rawSessionId);
  if (!sessionId.success) return failure("That is not an Amazon Pay checkout session.");
  await completeCheckout(sessionId.data, null, "return");
  return success(undefined);
}
