// Charge Permission, Charge, Refund, Buyer and Delivery Tracker: reference responses parse,
// unknown members are kept, contract breaks are refused; request bodies follow their rules.
import { describe, expect, it } from "vitest";
import {
  buyerResponse,
  chargePermissionResponse,
  chargeResponse,
  deliveryTrackerResponse,
  refundResponse,
} from "../test-fixtures/responses";
import { buyerSchema } from "./buyer";
import { captureChargeRequestSchema, chargeSchema, createChargeRequestSchema, isChargeState } from "./charge";
import { chargePermissionSchema, closeChargePermissionRequestSchema } from "./charge-permission";
import { createDeliveryTrackerRequestSchema, deliveryTrackerSchema } from "./delivery-tracker";
import { errorResponseSchema } from "./error";
import { createRefundRequestSchema, refundSchema } from "./refund";

const firstIssue = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => {
  const issue = result.error?.issues[0];
  return issue ? `${issue.path.join(".")}: ${issue.message}` : null;
};

describe("Charge Permission", () => {
  it("parses the .NET fixture", () => {
    const permission = chargePermissionSchema.parse(chargePermissionResponse());
    expect(permission.statusDetails).toEqual({
      state: "Chargeable",
      reasons: null,
      lastUpdatedTimestamp: "20211215T152829Z",
    });
    expect(permission.limits).toEqual({ amountLimit: null, amountBalance: null });
    expect(permission.billingAddress?.city).toBe("Appleton");
    expect(permission.amazonPayToken).toBe("000000000000AMZN");
  });

  it("reads statusDetails.reasons[] of a NonChargeable or Closed permission", () => {
    const raw = {
      ...chargePermissionResponse(),
      statusDetails: {
        state: "Closed",
        reasons: [{ reasonCode: "MerchantClosed", reasonDescription: "Closed by merchant" }],
        lastUpdatedTimestamp: "20211216T000000Z",
      },
    };
    expect(chargePermissionSchema.parse(raw).statusDetails.reasons).toEqual([
      { reasonCode: "MerchantClosed", reasonDescription: "Closed by merchant" },
    ]);
    const balance = {
      ...chargePermissionResponse(),
      limits: {
        amountLimit: { amount: "14.00", currencyCode: "USD" },
        amountBalance: { amount: "0.00", currencyCode: "USD" },
      },
    };
    expect(chargePermissionSchema.parse(balance).limits?.amountBalance?.amount).toBe("0.00");
  });

  it("refuses a missing id or a non-array reasons", () => {
    const { chargePermissionId: _id, ...rest } = chargePermissionResponse();
    expect(firstIssue(chargePermissionSchema.safeParse(rest))).toMatch(/^chargePermissionId: /);
    expect(
      firstIssue(
        chargePermissionSchema.safeParse({
          ...chargePermissionResponse(),
          statusDetails: { state: "Closed", reasons: "MerchantClosed" },
        }),
      ),
    ).toMatch(/^statusDetails\.reasons: /);
  });

  it("close body: closureReason at most 255 characters", () => {
    expect(
      closeChargePermissionRequestSchema.parse({
        closureReason: "Order canceled",
        cancelPendingCharges: true,
      }),
    ).toEqual({ closureReason: "Order canceled", cancelPendingCharges: true });
    expect(
      firstIssue(closeChargePermissionRequestSchema.safeParse({ closureReason: "x".repeat(256) })),
    ).toMatch(/^closureReason: /);
  });
});

describe("Charge", () => {
  it("parses the documented Charge example and keeps unknown members", () => {
    const charge = chargeSchema.parse({ ...chargeResponse(), riskAssessment: "low" });
    expect(charge.statusDetails.state).toBe("Captured");
    expect(charge.captureAmount).toEqual({ amount: "14.00", currencyCode: "USD" });
    expect(charge).toMatchObject({ riskAssessment: "low" });
    expect(isChargeState(charge.statusDetails.state)).toBe(true);
  });

  it("refuses a state of the wrong type", () => {
    expect(
      firstIssue(chargeSchema.safeParse({ ...chargeResponse(), statusDetails: { state: ["Captured"] } })),
    ).toMatch(/^statusDetails\.state: /);
    expect(firstIssue(chargeSchema.safeParse({ ...chargeResponse(), statusDetails: { state: "" } }))).toMatch(
      /^statusDetails\.state: /,
    );
  });

  it("create body: softDescriptor only with captureNow", () => {
    const base = {
      chargePermissionId: "S01-5105180-3221187",
      chargeAmount: { amount: 14, currencyCode: "USD" },
    };
    expect(
      createChargeRequestSchema.parse({ ...base, captureNow: true, softDescriptor: "HARBOR PINE" })
        .chargeAmount,
    ).toEqual({ amount: "14.00", currencyCode: "USD" });
    expect(firstIssue(createChargeRequestSchema.safeParse({ ...base, softDescriptor: "HARBOR PINE" }))).toBe(
      "softDescriptor: is only allowed when captureNow is true",
    );
    expect(firstIssue(createChargeRequestSchema.safeParse({ ...base, channel: "Fax" }))).toMatch(
      /^channel: /,
    );
  });

  it("capture body: captureAmount required", () => {
    expect(firstIssue(captureChargeRequestSchema.safeParse({}))).toMatch(/^captureAmount: /);
  });
});

describe("Refund, Buyer, Delivery Tracker, error body", () => {
  it("Refund parses and requires its id and state", () => {
    expect(refundSchema.parse(refundResponse()).statusDetails.state).toBe("RefundInitiated");
    expect(firstIssue(refundSchema.safeParse({ ...refundResponse(), refundId: null }))).toMatch(
      /^refundId: /,
    );
    expect(
      createRefundRequestSchema.parse({ chargeId: "c", refundAmount: { amount: "5", currencyCode: "GBP" } })
        .refundAmount.amount,
    ).toBe("5.00");
  });

  it("Buyer parses with addresses and prime membership; buyerId is required", () => {
    const buyer = buyerSchema.parse(buyerResponse());
    expect(buyer.primeMembershipTypes).toEqual(["PRIME_GENERAL"]);
    expect(buyer.shippingAddress?.postalCode).toBe("54911");
    expect(firstIssue(buyerSchema.safeParse({ name: "x" }))).toMatch(/^buyerId: /);
  });

  it("Delivery Tracker: exactly one order id in the request, one in the response", () => {
    expect(deliveryTrackerSchema.parse(deliveryTrackerResponse()).deliveryDetails).toHaveLength(1);
    expect(firstIssue(deliveryTrackerSchema.safeParse({ deliveryDetails: [] }))).toMatch(
      /^chargePermissionId: neither/,
    );
    const details = [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }];
    expect(
      createDeliveryTrackerRequestSchema.safeParse({
        chargePermissionId: "P21-1111111-1111111",
        deliveryDetails: details,
      }).success,
    ).toBe(true);
    expect(firstIssue(createDeliveryTrackerRequestSchema.safeParse({ deliveryDetails: details }))).toMatch(
      /exactly one/,
    );
    expect(
      firstIssue(
        createDeliveryTrackerRequestSchema.safeParse({
          chargePermissionId: "a",
          amazonOrderReferenceId: "b",
          deliveryDetails: details,
        }),
      ),
    ).toMatch(/exactly one/);
    expect(
      firstIssue(
        createDeliveryTrackerRequestSchema.safeParse({ chargePermissionId: "a", deliveryDetails: [] }),
      ),
    ).toMatch(/^deliveryDetails: /);
  });

  it("error body: reasonCode and message", () => {
    expect(
      errorResponseSchema.parse({
        reasonCode: "InvalidParameterValue",
        message: "The value provided for [Parameter] is invalid.",
      }),
    ).toEqual({
      reasonCode: "InvalidParameterValue",
      message: "The value provided for [Parameter] is invalid.",
    });
    expect(errorResponseSchema.safeParse({ message: "no code" }).success).toBe(false);
  });
});
