import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkoutSessionTransition,
  initialCheckoutSessionStatus,
  type CheckoutSessionEvent,
  type CheckoutSessionStatus,
} from "./checkout-session";

const open = initialCheckoutSessionStatus();
const redirected: CheckoutSessionStatus = { ...open, buyerRedirected: true };
const completed: CheckoutSessionStatus = { state: "Completed", reasonCode: null, buyerRedirected: true };
const canceled = (reasonCode: CheckoutSessionStatus["reasonCode"]): CheckoutSessionStatus => ({
  state: "Canceled",
  reasonCode,
  buyerRedirected: false,
});
const complete: CheckoutSessionEvent = { type: "complete", expiredError: "InvalidCheckoutSessionStatus" };

function refusal(s: CheckoutSessionStatus, e: CheckoutSessionEvent) {
  const result = checkoutSessionTransition(s, e);
  if (result.ok) throw new Error("expected a refusal");
  return result.refusal;
}

describe("Checkout Session state machine", () => {
  it("starts Open, not yet redirected", () => {
    expect(open).toEqual({ state: "Open", reasonCode: null, buyerRedirected: false });
  });

  it("allows updates only while Open and before the buyer was redirected", () => {
    expect(checkoutSessionTransition(open, { type: "update" })).toEqual({ ok: true, next: open });
    expect(refusal(redirected, { type: "update" })).toMatchObject({
      status: 422,
      reasonCode: "InvalidCheckoutSessionStatus",
    });
    expect(refusal(completed, { type: "update" }).reasonCode).toBe("InvalidCheckoutSessionStatus");
    expect(refusal(canceled("BuyerCanceled"), { type: "update" }).reasonCode).toBe(
      "InvalidCheckoutSessionStatus",
    );
  });

  it("completes only after the buyer went through amazonPayRedirectUrl", () => {
    expect(refusal(open, complete)).toMatchObject({
      status: 422,
      reasonCode: "InvalidCheckoutSessionStatus",
    });
    expect(checkoutSessionTransition(redirected, complete)).toEqual({ ok: true, next: completed });
  });

  it("refuses to complete twice", () => {
    expect(refusal(completed, complete)).toMatchObject({
      status: 422,
      reasonCode: "InvalidCheckoutSessionStatus",
    });
  });

  it("answers CheckoutSessionCanceled for buyer cancellations and declines", () => {
    for (const reason of ["BuyerCanceled", "Declined", "AmazonCanceled"] as const) {
      expect(refusal(canceled(reason), complete)).toMatchObject({
        status: 422,
        reasonCode: "CheckoutSessionCanceled",
      });
    }
  });

  it("answers the configured code for an expired session", () => {
    expect(refusal(canceled("Expired"), complete).reasonCode).toBe("InvalidCheckoutSessionStatus");
    expect(
      refusal(canceled("Expired"), { type: "complete", expiredError: "CheckoutSessionCanceled" }).reasonCode,
    ).toBe("CheckoutSessionCanceled");
  });

  it("expires and cancels only Open sessions", () => {
    expect(checkoutSessionTransition(open, { type: "expire" })).toEqual({
      ok: true,
      next: canceled("Expired"),
    });
    expect(checkoutSessionTransition(redirected, { type: "cancel", reasonCode: "Declined" })).toEqual({
      ok: true,
      next: { state: "Canceled", reasonCode: "Declined", buyerRedirected: true },
    });
    expect(refusal(completed, { type: "expire" }).reasonCode).toBe("InvalidCheckoutSessionStatus");
    expect(refusal(canceled("Declined"), { type: "cancel", reasonCode: "BuyerCanceled" }).reasonCode).toBe(
      "InvalidCheckoutSessionStatus",
    );
  });

  const events = fc.constantFrom<CheckoutSessionEvent>(
    { type: "update" },
    { type: "selectDetails" },
    { type: "redirect" },
    { type: "expire" },
    complete,
    { type: "cancel", reasonCode: "BuyerCanceled" },
    { type: "cancel", reasonCode: "Declined" },
    { type: "cancel", reasonCode: "AmazonCanceled" },
  );

  it("never leaves Completed or Canceled, whatever happens", () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 30 }), (sequence) => {
        let s = open;
        let finished: CheckoutSessionStatus | null = null;
        for (const event of sequence) {
          const result = checkoutSessionTransition(s, event);
          if (result.ok) s = result.next;
          if (finished) expect(s).toEqual(finished);
          else if (s.state !== "Open") finished = s;
        }
      }),
    );
  });

  it("completes only sessions whose buyer was redirected, and a redirect is never undone", () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 30 }), (sequence) => {
        let s = open;
        for (const event of sequence) {
          const before = s;
          const result = checkoutSessionTransition(s, event);
          if (!result.ok) continue;
          s = result.next;
          if (s.state === "Completed" && before.state === "Open") expect(before.buyerRedirected).toBe(true);
          if (before.buyerRedirected) expect(s.buyerRedirected).toBe(true);
        }
      }),
    );
  });
});
