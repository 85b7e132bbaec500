import { describe, expect, it } from "vitest";
import { AFTER_SALE_DEFAULTS } from "./after-sale-config";
import { captureFees, chargebackFee, refundFeeReturn } from "./fees";

const fees = AFTER_SALE_DEFAULTS.fees;
const usd = (amount: number) => ({ amount, currency: "USD" as const });

describe("fees", () => {
  it("keeps 2.90 % plus 30 cents of a capture by default, rounded to the cent", () => {
    expect(captureFees(usd(10_000), fees)).toEqual({ percentage: usd(290), fixed: usd(30) });
    expect(captureFees(usd(1_999), fees).percentage).toEqual(usd(58));
    expect(captureFees({ amount: 5_000, currency: "JPY" }, fees).fixed).toEqual({
      amount: 0,
      currency: "JPY",
    });
  });

  it("gives back the percentage of a refund but not the fixed fee, unless switched off", () => {
    expect(refundFeeReturn(usd(5_000), fees)).toEqual({ percentage: usd(145), fixed: usd(0) });
    expect(refundFeeReturn(usd(5_000), { ...fees, refundReturnsPercentageFee: false }).percentage).toEqual(
      usd(0),
    );
  });

  it("charges a fixed fee per chargeback in the dispute's currency", () => {
    expect(chargebackFee(usd(1), fees)).toEqual(usd(2_000));
    expect(
      chargebackFee(
        { amount: 1, currency: "EUR" },
        { ...fees, chargeback: { ...fees.chargeback, EUR: 1_500 } },
      ),
    ).toEqual({ amount: 1_500, currency: "EUR" });
  });
});
