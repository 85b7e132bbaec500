import { describe, expect, it } from "vitest";
import { findInstrument } from "../core/test-buyers";
import { resolveCheckoutOutcome, type OutcomeInput } from "./checkout-outcome";

const input = (last4: string, overrides: Partial<OutcomeInput> = {}): OutcomeInput => {
  const instrument = findInstrument(
    ["visa-", "amex-", "mastercard-", "discover-", "jcb-"]
      .map((p) => `${p}${last4}`)
      .find((id) => findInstrument(id)) ?? "",
  );
  if (!instrument) throw new Error(last4);
  return {
    instrument,
    simulationCode: null,
    paymentIntent: "Authorize",
    canHandlePendingAuthorization: false,
    pendingWithoutPrerequisite: "error",
    ...overrides,
  };
};

describe("checkout outcome", () => {
  it("approves with the happy-path cards", () => {
    for (const last4 of ["1111", "0005", "4444", "9424", "0000"])
      expect(resolveCheckoutOutcome(input(last4))).toEqual({ kind: "approve", pending: null });
  });

  it("declines with 3434 and cancels with 3064", () => {
    expect(resolveCheckoutOutcome(input("3434"))).toEqual({ kind: "cancel", reasonCode: "Declined" });
    expect(resolveCheckoutOutcome(input("3064", { paymentIntent: "Confirm" }))).toEqual({
      kind: "cancel",
      reasonCode: "BuyerCanceled",
    });
  });

  it("leaves 0701/4354 pending only with Authorize and canHandlePendingAuthorization", () => {
    expect(resolveCheckoutOutcome(input("0701", { canHandlePendingAuthorization: true }))).toEqual({
      kind: "approve",
      pending: "approve",
    });
    expect(resolveCheckoutOutcome(input("4354", { canHandlePendingAuthorization: true }))).toEqual({
      kind: "approve",
      pending: "decline",
    });
    expect(resolveCheckoutOutcome(input("0701"))).toMatchObject({ kind: "error" });
    expect(resolveCheckoutOutcome(input("4354", { paymentIntent: "AuthorizeWithCapture" }))).toMatchObject({
      kind: "error",
    });
    expect(resolveCheckoutOutcome(input("0701", { pendingWithoutPrerequisite: "decline" }))).toEqual({
      kind: "cancel",
      reasonCode: "Declined",
    });
    expect(resolveCheckoutOutcome(input("0701", { pendingWithoutPrerequisite: "authorize" }))).toEqual({
      kind: "approve",
      pending: null,
    });
  });

  it("lets a simulation code override the card", () => {
    expect(resolveCheckoutOutcome(input("1111", { simulationCode: "Declined" }))).toEqual({
      kind: "cancel",
      reasonCode: "Declined",
    });
    expect(resolveCheckoutOutcome(input("3434", { simulationCode: "AmazonCanceled" }))).toEqual({
      kind: "cancel",
      reasonCode: "AmazonCanceled",
    });
    expect(
      resolveCheckoutOutcome(
        input("1111", { simulationCode: "AuthorizationInitiated", canHandlePendingAuthorization: true }),
      ),
    ).toEqual({ kind: "approve", pending: "approve" });
  });
});
