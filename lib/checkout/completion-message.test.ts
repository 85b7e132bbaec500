// The result page's action tells the buyer what is true: "placed" only once Amazon confirmed the
// payment; an unconfirmed completion says the payment is still being confirmed.
import { describe, expect, it, vi } from "vitest";
import type { CompleteResult } from "./complete-result";

const outcome = vi.hoisted(() => ({ next: { kind: "not-found" } as CompleteResult }));
vi.mock("next/cache", () => ({ refresh: () => {} }));
vi.mock("@/lib/cart/server", () => ({ currentCartId: async () => "cart-1" }));
vi.mock("./complete", () => ({ completeCheckout: async () => outcome.next }));

const { completeCheckoutAction } = await import("./action");

describe("the result page's words", () => {
  it("announce a placed order as placed", async () => {
    outcome.next = { kind: "placed", orderNumber: "HP-0000000001" };
    expect(await completeCheckoutAction("session-1")).toEqual({
      ok: true,
      data: undefined,
      message: "Thank you! Your order is placed.",
      redirectTo: "/orders/HP-0000000001",
    });
  });

  it("never announce an unconfirmed completion as placed", async () => {
    outcome.next = { kind: "unconfirmed", orderNumber: "HP-0000000002" };
    const answer = await completeCheckoutAction("session-2");
    expect(answer).toMatchObject({ ok: true, redirectTo: "/orders/HP-0000000002" });
    expect(answer.ok && answer.message).not.toMatch(/placed/i);
    expect(answer.ok && answer.message).toMatch(/still confirming your payment/);
  });
});
