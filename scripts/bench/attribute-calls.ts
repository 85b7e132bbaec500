// Lays the emulator's API call log over the buyers' step windows: which Amazon calls each
// checkout made, which of them the buyer waited for, and how long the shop spent on each step
// outside them.
import type { ApiCall } from "@storefront/amazon-pay-emulator/core/api-call-log";
import { STEPS, type Step, type TimedCheckout } from "./timed-checkout";

export interface Attribution {
  /** Every Amazon API call about a completed checkout, per checkout. */
  callsPerCheckout: number;
  /** Of those, the Checkout Session calls the buyer's requests made and waited for. */
  buyerPathCallsPerCheckout: number;
  /** All calls per checkout by operation, e.g. { "GET chargePermissions": 2 }. */
  callsByOperation: Record<string, number>;
  /** The buyer's calls per step and operation, e.g. { placeOrder: { "PATCH checkoutSessions": 1 } }. */
  callsByStep: Partial<Record<Step, Record<string, number>>>;
  /** Per checkout and step: the step's duration minus the time inside the Amazon calls it made. */
  overheadMs: Record<Step, number[]>;
  /** Calls whose ids belong to no completed checkout (failed buyers, the reconciler). */
  unattributed: number;
}

const withoutPrefix = (path: string) => path.replace(/^\/(?:sandbox|live)\//, "/");

/** "GET /v2/checkoutSessions/abc" → "GET checkoutSessions"; "POST /v2/checkoutSessions/abc/complete" → "POST checkoutSessions/complete". */
export function operationOf(call: Pick<ApiCall, "method" | "path">): string {
  const parts = withoutPrefix(call.path).split("/").filter(Boolean).slice(1);
  const action = parts.length > 2 ? `/${parts.slice(2).join("/")}` : "";
  return `${call.method} ${parts[0] ?? "?"}${action}`;
}

/** The object id in an API path: /v2/<resource>/<id>[/action]. */
export const objectIdOf = (path: string): string | undefined =>
  withoutPrefix(path).split("/").filter(Boolean)[2];

/**
 * The buyer's requests call only the Checkout Session (Get on the review page, Update on Place
 * order, Complete on the result page). Reads of charges and charge permissions come from the
 * IPN endpoint and the reconciler, in requests of their own, even when they overlap a step.
 */
const inBuyerPath = (call: ApiCall) => withoutPrefix(call.path).split("/")[2] === "checkoutSessions";

const perCheckout = (counts: Record<string, number>, n: number) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n]));

/**
 * `idsOf` maps a checkout session id to every Amazon object id of that checkout (the session,
 * its charge permission, its charges), read from the shop's database.
 */
export function attributeCalls(
  checkouts: readonly TimedCheckout[],
  calls: readonly ApiCall[],
  idsOf: (sessionId: string) => readonly string[],
): Attribution {
  const owner = new Map<string, TimedCheckout>();
  for (const checkout of checkouts) for (const id of idsOf(checkout.sessionId)) owner.set(id, checkout);

  const amazonMs = new Map<TimedCheckout, Partial<Record<Step, number>>>();
  const byStep: Partial<Record<Step, Record<string, number>>> = {};
  const byOperation: Record<string, number> = {};
  let attributed = 0;
  let buyerPath = 0;
  let unattributed = 0;
  for (const call of calls) {
    const id = objectIdOf(call.path);
    const checkout = id ? owner.get(id) : undefined;
    if (!checkout) {
      unattributed += 1;
      continue;
    }
    attributed += 1;
    const operation = operationOf(call);
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    if (!inBuyerPath(call)) continue;
    const step = STEPS.find(
      (s) => call.startedAt >= checkout.steps[s].startedAt && call.startedAt <= checkout.steps[s].endedAt,
    );
    if (!step) continue;
    buyerPath += 1;
    const spent = amazonMs.get(checkout) ?? {};
    spent[step] = (spent[step] ?? 0) + call.durationMs;
    amazonMs.set(checkout, spent);
    const operations = (byStep[step] ??= {});
    operations[operation] = (operations[operation] ?? 0) + 1;
  }
  const overheadMs = Object.fromEntries(
    STEPS.map((step) => [
      step,
      checkouts.map((c) => c.steps[step].endedAt - c.steps[step].startedAt - (amazonMs.get(c)?.[step] ?? 0)),
    ]),
  ) as Record<Step, number[]>;
  const n = checkouts.length || 1;
  return {
    callsPerCheckout: attributed / n,
    buyerPathCallsPerCheckout: buyerPath / n,
    callsByOperation: perCheckout(byOperation, n),
    callsByStep: Object.fromEntries(Object.entries(byStep).map(([step, ops]) => [step, perCheckout(ops, n)])),
    overheadMs,
    unattributed,
  };
}
