import { describe, expect, it } from "vitest";
import {
  checkoutSessionResponse,
  completedCheckoutSessionResponse,
  newCheckoutSessionResponse,
} from "../test-fixtures/responses";
import { CHECKOUT_SESSION_STATES, checkoutSessionSchema, isCheckoutSessionState } from "./checkout-session";
import { parseAmazonTimestamp } from "./lenient";

const issuesOf = (value: unknown) => {
  const result = checkoutSessionSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("Checkout Session response", () => {
  it("parses a session with every documented key", () => {
    const session = checkoutSessionSchema.parse(checkoutSessionResponse());
    expect(session.statusDetails.state).toBe("Open");
    expect(session.webCheckoutDetails?.amazonPayRedirectUrl).toMatch(/^https:\/\/apay-us\.amazon\.com\//);
    expect(session.paymentDetails?.chargeAmount).toEqual({ amount: "14.00", currencyCode: "USD" });
    expect(session.buyer?.buyerId).toBe("amzn1.account.AAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(session.paymentPreferences).toEqual([{ paymentDescriptor: "Visa ****1111" }]);
    expect(session.shippingAddress?.countryCode).toBe("US");
    expect(session.constraints).toEqual([]);
    expect(parseAmazonTimestamp(session.creationTimestamp ?? "")).toEqual(new Date("2020-04-12T10:14:14Z"));
  });

  it("parses a freshly created session: no buyer, [null] preferences, constraints", () => {
    const session = checkoutSessionSchema.parse(newCheckoutSessionResponse());
    expect(session.buyer).toBeNull();
    expect(session.paymentPreferences).toEqual([null]);
    expect(session.constraints?.map((c) => c.constraintId)).toEqual([
      "BuyerNotAssociated",
      "ChargeAmountNotSet",
      "CheckoutResultReturnUrlNotSet",
      "PaymentIntentNotSet",
    ]);
    expect(session.webCheckoutDetails?.amazonPayRedirectUrl).toBeNull();
  });

  it("parses a completed session with its charge permission and charge", () => {
    const session = checkoutSessionSchema.parse(completedCheckoutSessionResponse());
    expect(session.statusDetails.state).toBe("Completed");
    expect(session.chargePermissionId).toBe("S01-5105180-3221187");
    expect(session.chargeId).toBe("S01-5105180-3221187-C056351");
  });

  it("parses a Finalize response with cartDetails", () => {
    const usd = (amount: string) => ({ amount, currencyCode: "USD" });
    const raw = {
      ...completedCheckoutSessionResponse(),
      cartDetails: {
        lineItems: [
          {
            id: "sku-1",
            title: "Linen apron",
            quantity: "2",
            listPrice: usd("7.00"),
            totalListPrice: usd("14.00"),
            variantTitle: null,
            discountedPrice: null,
          },
        ],
        deliveryOptions: [
          {
            id: "std",
            price: usd("0.00"),
            shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "STD" },
            isDefault: true,
            shippingEstimate: [{ timeUnit: "DAY", value: 3 }],
          },
        ],
        totalShippingAmount: usd("0.00"),
        totalBaseAmount: usd("14.00"),
        totalTaxAmount: usd("0.00"),
        totalChargeAmount: usd("14.00"),
        totalDiscountAmount: null,
      },
    };
    const cart = checkoutSessionSchema.parse(raw).cartDetails;
    expect(cart?.totalChargeAmount).toEqual(usd("14.00"));
    expect(cart?.lineItems?.[0]?.quantity).toBe("2");
    expect(cart?.deliveryOptions?.[0]?.shippingMethod?.shippingMethodCode).toBe("STD");
    expect(cart?.totalOrderAmount).toBeNull();
  });

  it("keeps unknown members at every level", () => {
    const raw = { ...checkoutSessionResponse(), newTopLevelField: { a: 1 } };
    raw.statusDetails = { ...raw.statusDetails, newStatusField: "x" } as typeof raw.statusDetails;
    const session = checkoutSessionSchema.parse(raw);
    expect(session).toMatchObject({ newTopLevelField: { a: 1 }, statusDetails: { newStatusField: "x" } });
  });

  it("reads missing optional members as null", () => {
    const session = checkoutSessionSchema.parse({
      checkoutSessionId: "id-1",
      statusDetails: { state: "Open" },
    });
    expect(session.buyer).toBeNull();
    expect(session.chargeId).toBeNull();
    expect(session.tokens).toBeNull();
    expect(session.statusDetails.reasonCode).toBeNull();
  });

  it("reads a Canceled session's reason code", () => {
    const raw = {
      ...checkoutSessionResponse(),
      statusDetails: {
        state: "Canceled",
        reasonCode: "BuyerCanceled",
        reasonDescription: "The buyer canceled the checkout.",
        lastUpdatedTimestamp: "20200412T101914Z",
      },
    };
    expect(checkoutSessionSchema.parse(raw).statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "BuyerCanceled",
    });
  });

  it("accepts an undocumented state as a string and narrows documented ones", () => {
    const raw = { ...checkoutSessionResponse(), statusDetails: { state: "Suspended", reasonCode: null } };
    const { state } = checkoutSessionSchema.parse(raw).statusDetails;
    expect(state).toBe("Suspended");
    expect(isCheckoutSessionState(state)).toBe(false);
    for (const documented of CHECKOUT_SESSION_STATES) expect(isCheckoutSessionState(documented)).toBe(true);
  });

  it("parses shippingAddressList entries that arrive as JSON strings", () => {
    const address = {
      name: "山田 太郎",
      addressLine1: "1-2-3",
      city: "Tokyo",
      postalCode: "100-0001",
      countryCode: "JP",
    };
    const raw = { ...checkoutSessionResponse(), shippingAddressList: [JSON.stringify(address), address] };
    const list = checkoutSessionSchema.parse(raw).shippingAddressList;
    expect(list).toHaveLength(2);
    expect(list?.[0]).toMatchObject(address);
    expect(list?.[1]).toMatchObject(address);
    expect(issuesOf({ ...checkoutSessionResponse(), shippingAddressList: ["{not json"] })[0]).toMatch(
      /^shippingAddressList\.0: /,
    );
  });

  it("refuses contract breaks and names the field", () => {
    const { checkoutSessionId: _id, ...withoutId } = checkoutSessionResponse();
    expect(issuesOf(withoutId)).toEqual([expect.stringMatching(/^checkoutSessionId: .*expected string/)]);
    expect(issuesOf({ ...checkoutSessionResponse(), statusDetails: { state: 3 } })).toEqual([
      expect.stringMatching(/^statusDetails\.state: .*expected string/),
    ]);
    expect(issuesOf({ ...checkoutSessionResponse(), statusDetails: null })[0]).toMatch(/^statusDetails: /);
    expect(issuesOf({ ...checkoutSessionResponse(), chargeId: 42 })[0]).toMatch(/^chargeId: /);
    expect(
      issuesOf({
        ...checkoutSessionResponse(),
        paymentDetails: { chargeAmount: { amount: "x", currencyCode: "USD" } },
      })[0],
    ).toMatch(/^paymentDetails\.chargeAmount\.amount: /);
    expect(issuesOf("not an object")[0]).toMatch(/expected object/);
  });
});
