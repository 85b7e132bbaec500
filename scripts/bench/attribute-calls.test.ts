import { describe, expect, it } from "vitest";
import type { ApiCall } from "@storefront/amazon-pay-emulator/core/api-call-log";
import { attributeCalls, objectIdOf, operationOf } from "./attribute-calls";
import { STEPS, type Step, type StepWindow, type TimedCheckout } from "./timed-checkout";

/** A checkout whose steps each last 100 ms, back to back from `start`. */
function checkout(sessionId: string, start: number): TimedCheckout {
  const steps = Object.fromEntries(
    STEPS.map((s, i) => [s, { startedAt: start + i * 100, endedAt: start + i * 100 + 100 }]),
  ) as Record<Step, StepWindow>;
  return { sessionId, totalMs: STEPS.length * 100, steps, requests: 10, shopRequests: 8 };
}
const at = (c: TimedCheckout, step: Step, offset: number) => c.steps[step].startedAt + offset;
const call = (method: string, path: string, startedAt: number, durationMs: number): ApiCall => ({
  method,
  path,
  status: 200,
  startedAt,
  durationMs,
});

describe("operationOf and objectIdOf", () => {
  it("name the resource, the action and the object", () => {
    expect(operationOf({ method: "GET", path: "/v2/checkoutSessions/S1" })).toBe("GET checkoutSessions");
    expect(operationOf({ method: "POST", path: "/sandbox/v2/checkoutSessions/S1/complete" })).toBe(
      "POST checkoutSessions/complete",
    );
    expect(objectIdOf("/sandbox/v2/charges/C1/capture")).toBe("C1");
    expect(objectIdOf("/v2/checkoutSessions")).toBeUndefined();
  });
});

describe("attributeCalls", () => {
  const a = checkout("S-A", 1000);
  const b = checkout("S-B", 1050);
  const ids: Record<string, string[]> = { "S-A": ["S-A", "P-A", "C-A"], "S-B": ["S-B", "P-B", "C-B"] };
  const calls = [
    call("GET", "/v2/checkoutSessions/S-A", at(a, "review", 10), 30),
    call("PATCH", "/v2/checkoutSessions/S-A", at(a, "placeOrder", 5), 40),
    call("POST", "/v2/checkoutSessions/S-A/complete", at(a, "complete", 1), 60),
    call("GET", "/v2/checkoutSessions/S-B", at(b, "review", 20), 10),
    call("PATCH", "/v2/checkoutSessions/S-B", at(b, "placeOrder", 5), 20),
    call("POST", "/v2/checkoutSessions/S-B/complete", at(b, "complete", 1), 50),
    // IPN-prompted reads, one of them while the buyer's completion is still running
    call("GET", "/v2/charges/C-B", at(b, "complete", 70), 5),
    call("GET", "/v2/chargePermissions/P-A", at(a, "confirmation", 10), 5),
    call("GET", "/v2/chargePermissions/P-B", at(b, "confirmation", 10), 5),
    // another checkout's call
    call("GET", "/v2/checkoutSessions/S-OTHER", at(a, "review", 1), 99),
  ];
  const result = attributeCalls([a, b], calls, (s) => ids[s] ?? []);

  it("counts every call of a completed checkout, and the buyer's own apart", () => {
    expect(result.callsPerCheckout).toBe(4.5);
    expect(result.buyerPathCallsPerCheckout).toBe(3);
    expect(result.unattributed).toBe(1);
    expect(result.callsByOperation).toEqual({
      "GET checkoutSessions": 1,
      "PATCH checkoutSessions": 1,
      "POST checkoutSessions/complete": 1,
      "GET charges": 0.5,
      "GET chargePermissions": 1,
    });
    expect(result.callsByStep).toEqual({
      review: { "GET checkoutSessions": 1 },
      placeOrder: { "PATCH checkoutSessions": 1 },
      complete: { "POST checkoutSessions/complete": 1 },
    });
  });

  it("subtracts the time inside the buyer's own Amazon calls from each step", () => {
    expect(result.overheadMs.review).toEqual([70, 90]);
    expect(result.overheadMs.placeOrder).toEqual([60, 80]);
    expect(result.overheadMs.complete).toEqual([40, 50]);
    expect(result.overheadMs.addToCart).toEqual([100, 100]);
    expect(result.overheadMs.confirmation).toEqual([100, 100]);
  });
});
