import { describe, expect, it } from "vitest";
import { disputeSchema } from "@storefront/amazon-pay/schemas/dispute";
import { disputeFactFromApi } from "./dispute-facts-from-api";

const DAY = 86_400_000;
const read = (over: Record<string, unknown> = {}, status: Record<string, unknown> = {}) =>
  disputeSchema.parse({
    disputeId: "S01-1111111-2222222-B000001",
    chargeId: "S01-1111111-2222222-C000001",
    disputeType: "Chargeback",
    disputeAmount: { amount: "12.34", currencyCode: "EUR" },
    filingReason: "Fraudulent",
    statusDetails: {
      state: "ActionRequired",
      reasonCode: "MerchantResponseRequired",
      lastUpdatedTimestamp: "20261201T100000Z",
      ...status,
    },
    merchantResponseDeadline: "20261212T100000Z",
    creationTimestamp: "20261201T100000Z",
    ...over,
  });

describe("a dispute read from the API", () => {
  it("becomes a fact with its amount in minor units, its currency and Amazon's deadline", () => {
    const parsed = disputeFactFromApi(read())!;
    expect(parsed.currency).toBe("EUR");
    expect(parsed.fact).toMatchObject({
      state: "ActionRequired",
      amountMinor: 1234,
      filingReason: "Fraudulent",
    });
    expect(parsed.fact.responseDeadline! - parsed.fact.filedAt).toBe(11 * DAY);
  });

  it("without a deadline from Amazon: 11 days for a chargeback, 7 for a claim", () => {
    const chargeback = disputeFactFromApi(read({ merchantResponseDeadline: null }))!.fact;
    expect(chargeback.responseDeadline! - chargeback.filedAt).toBe(11 * DAY);
    const claim = disputeFactFromApi(
      read({ merchantResponseDeadline: null, disputeType: "AtoZClaim" }),
    )!.fact;
    expect(claim).toMatchObject({ disputeType: "AtoZClaim" });
    expect(claim.responseDeadline! - claim.filedAt).toBe(7 * DAY);
  });

  it("gives no fact for an undocumented state, an undocumented resolution or no amount", () => {
    expect(disputeFactFromApi(read({}, { state: "Escalated" }))).toBeNull();
    expect(disputeFactFromApi(read({}, { state: "Resolved", resolution: "Split" }))).toBeNull();
    expect(disputeFactFromApi(read({ disputeAmount: null }))).toBeNull();
  });
});
