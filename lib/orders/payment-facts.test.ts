import { describe, expect, it } from "vitest";
import { chargeCanMove, type ChargeState } from "./payment-facts";

describe("payment facts", () => {
  it("never lets money facts go backwards", () => {
    const states: ChargeState[] = [
      "AuthorizationInitiated",
      "Authorized",
      "CaptureInitiated",
      "Captured",
      "Canceled",
      "Declined",
    ];
    for (const from of states) {
      for (const to of states) {
        if (from === "Captured" || from === "Canceled" || from === "Declined")
          expect(chargeCanMove(from, to)).toBe(false);
      }
    }
    expect(chargeCanMove("AuthorizationInitiated", "Captured")).toBe(true);
    expect(chargeCanMove("Authorized", "AuthorizationInitiated")).toBe(false);
  });
});
