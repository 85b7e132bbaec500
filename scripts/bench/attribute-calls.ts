// Lays the sandbox's API call log over the buyers' step windows: which Amazon calls each
// checkout step made, and how long the shop spent on the step outside them.
import type { ApiCall } from "@/lib/amazon-pay-sandbox/core/api-call-log";
import { STEPS, type Step, type TimedCheckout } from "./timed-checkout";

/** The buyer's last step that waits for Amazon; later calls are follow-ups, not the buyer's. */
const COMPLETION_STEP: Step = "complete";

export interface Attribution {
  /** Amazon API calls per checkout made while the buyer waited (review, place order, result). */
  callsPerCheckout: number;
  /**
   * Calls per checkout that began after the buyer's completion returned: the reads the shop
   * makes when Amazon's IPNs arrive (an IPN names an object; its state is read from the API).
   */
  followUpCallsPerCheckout: number;
  followUpCalls: Record<string, number>;
  /** Calls per step and operation, e.g. { placeOrder: { "PATCH checkoutSessions": 1 } } (per checkout). */
  callsByStep: Partial<Record<Step, Record<string, number>>>;
  /** Per checkout and step: the step's duration minus the time inside Amazon calls made during it. */
  overheadMs: Record<Step, number[]>;
  /** Calls whose ids belong to no completed checkout (failed buyers, the reconciler). */
  unattributed: number;
}

/** "GET /v2/checkoutSessions/abc" → "GET checkoutSessions"; "POST /v2/checkoutSessions/abc/complete" → "POST checkoutSessions/complete". */
export function operationOf(call: Pick<ApiCall, "method" | "path">): string {
  const parts = call.path.replace(/^\/(?:sandbox|live)\//, "/").split("/").filter(Boolean).slice(1);
  const resource = parts[0] ?? "?";
  const action = parts.length > 2 ? `/${parts.slice(2).join("/")}` : "";
  return `${call.method} ${resource}${action}`;
}

/** The object id in an API path: /v2/<resource>/<id>[/action]. */
export const objectIdOf = (path: string): string | undefined => path.replace(/^\/(?:sandbox|live)\//, "/").split("/").filter(Boolean)[2];

/**
 * `idsOf` maps a checkout session id to every Amazon object id of that checkout (the session,
 * its charge permission, its charges), read from the shop's database.
 */
export function attributeCalls(checkouts: readonly TimedCheckout[], calls: readonly ApiCall[], idsOf: (sessionId: string) => readonly string[]): Attribution {
  const owner = new Map<string, TimedCheckout>();
  for (const checkout of checkouts) for (const id of idsOf(checkout.sessionId)) owner.set(id, checkout);

  const overheadMs = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const amazonMs = new Map<TimedCheckout, Record<Step, number>>();
  const callsByStep: Partial<Record<Step, Record<string, number>>> = {};
  let attributed = 0;
  let followUps = 0;
  const followUpCalls: Record<string, number> = {};
  let unattributed = 0;
  for (const call of calls) {
    const id = objectIdOf(call.path);
    const checkout = id ? owner.get(id) : undefined;
    if (!checkout) {
      unattributed += 1;
      continue;
    }
    const operation = operationOf(call);
    if (call.startedAt > checkout.steps[COMPLETION_STEP].endedAt) {
      followUps += 1;
      followUpCalls[operation] = (followUpCalls[operation] ?? 0) + 1;
      continue;
    }
    attributed += 1;
    const step = STEPS.find((s) => call.startedAt >= checkout.steps[s].startedAt && call.startedAt <= checkout.steps[s].endedAt);
    if (!step) continue; // between two steps: no request of this buyer was running
    const perStep = amazonMs.get(checkout) ?? (Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>);
    perStep[step] += call.durationMs;
    amazonMs.set(checkout, perStep);
    const operations = (callsByStep[step] ??= {});
    operations[operation] = (operations[operation] ?? 0) + 1;
  }
  for (const checkout of checkouts) {
    for (const step of STEPS) {
      const window = checkout.steps[step];
      overheadMs[step].push(window.endedAt - window.startedAt - (amazonMs.get(checkout)?.[step] ?? 0));
    }
  }
  const n = checkouts.length || 1;
  for (const operations of [...Object.values(callsByStep), followUpCalls]) for (const key of Object.keys(operations)) operations[key] = operations[key]! / n;
  return { callsPerCheckout: attributed / n, followUpCallsPerCheckout: followUps / n, followUpCalls, callsByStep, overheadMs, unattributed };
}
