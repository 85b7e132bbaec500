import { describe, expect, it } from "vitest";
import {
  completeCheckoutSessionRequestSchema,
  createCheckoutSessionRequestSchema,
  finalizeCheckoutSessionRequestSchema,
  updateCheckoutSessionRequestSchema,
} from "./checkout-session-requests";

const storeId = "amzn1.application-oa2-client.8b5e45312b5248b69eea0f1ca4aa1a21";
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("Create Checkout Session body (also the button payload)", () => {
  it("accepts the minimal body and normalizes amounts", () => {
    expect(
      createCheckoutSessionRequestSchema.parse({
        webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/merchant-review-page" },
        storeId,
      }),
    ).toEqual({
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/merchant-review-page" },
      storeId,
    });
    const apb = createCheckoutSessionRequestSchema.parse({
      webCheckoutDetails: {
        checkoutMode: "ProcessOrder",
        checkoutResultReturnUrl: "http://localhost:3000/checkout/result",
      },
      storeId,
      scopes: ["name", "email"],
      paymentDetails: {
        paymentIntent: "Authorize",
        chargeAmount: { amount: 50, currencyCode: "EUR" },
        presentmentCurrency: "EUR",
      },
      addressDetails: {
        name: "Jane Doe",
        addressLine1: "Hauptstr. 1",
        city: "Berlin",
        postalCode: "10115",
        countryCode: "DE",
        phoneNumber: "0",
      },
      deliverySpecifications: {
        specialRestrictions: ["RestrictPackstations"],
        addressRestrictions: { type: "Allowed", restrictions: { DE: {}, AT: { zipCodes: ["1010"] } } },
      },
      merchantMetadata: { merchantReferenceId: "HP-1", merchantStoreName: "Harbor & Pine" },
    });
    expect(apb.paymentDetails?.chargeAmount).toEqual({ amount: "50.00", currencyCode: "EUR" });
  });

  it("enforces the documented combination rules", () => {
    expect(
      messages(createCheckoutSessionRequestSchema.safeParse({ webCheckoutDetails: {}, storeId })),
    ).toEqual([
      "webCheckoutDetails.checkoutReviewReturnUrl: is required unless checkoutMode is ProcessOrder",
    ]);
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          webCheckoutDetails: { checkoutMode: "ProcessOrder" },
          storeId,
        }),
      ),
    ).toEqual([
      "webCheckoutDetails.checkoutResultReturnUrl: is required with checkoutMode ProcessOrder",
      "paymentDetails: is required with checkoutMode ProcessOrder",
    ]);
    const review = { webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/r" }, storeId };
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({ ...review, chargePermissionType: "Recurring" }),
      ),
    ).toEqual(["recurringMetadata: is required with chargePermissionType Recurring"]);
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          ...review,
          paymentDetails: { paymentIntent: "AuthorizeWithCapture", canHandlePendingAuthorization: true },
        }),
      ),
    ).toEqual([
      "paymentDetails.canHandlePendingAuthorization: cannot be true with paymentIntent AuthorizeWithCapture",
    ]);
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          ...review,
          paymentDetails: { paymentIntent: "Authorize", softDescriptor: "HARBOR" },
        }),
      ),
    ).toEqual(["paymentDetails.softDescriptor: is only allowed with paymentIntent AuthorizeWithCapture"]);
  });

  it("refuses unknown members, bad URLs, long metadata and undocumented enum values", () => {
    const review = { webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/r" }, storeId };
    expect(messages(createCheckoutSessionRequestSchema.safeParse({ ...review, surprise: 1 }))[0]).toMatch(
      /Unrecognized key: "surprise"/,
    );
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          webCheckoutDetails: { checkoutReviewReturnUrl: "javascript:alert(1)" },
          storeId,
        }),
      )[0],
    ).toMatch(/^webCheckoutDetails\.checkoutReviewReturnUrl: must be an absolute http\(s\) URL/);
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          ...review,
          merchantMetadata: { merchantStoreName: "x".repeat(51) },
        }),
      )[0],
    ).toMatch(/^merchantMetadata\.merchantStoreName: /);
    expect(
      messages(createCheckoutSessionRequestSchema.safeParse({ ...review, scopes: ["everything"] }))[0],
    ).toMatch(/^scopes\.0: /);
    expect(
      messages(
        createCheckoutSessionRequestSchema.safeParse({
          ...review,
          paymentDetails: { softDescriptor: "x".repeat(17) },
        }),
      )[0],
    ).toMatch(/^paymentDetails\.softDescriptor: /);
  });
});

describe("Update, Complete and Finalize bodies", () => {
  it("accepts the review-page update and refuses creation-only flags", () => {
    const body = updateCheckoutSessionRequestSchema.parse({
      webCheckoutDetails: { checkoutResultReturnUrl: "https://shop.example/checkout/result" },
      paymentDetails: {
        paymentIntent: "Authorize",
        canHandlePendingAuthorization: true,
        chargeAmount: { amount: "14", currencyCode: "USD" },
      },
      merchantMetadata: { merchantReferenceId: "HP-1001" },
    });
    expect(body.paymentDetails?.chargeAmount?.amount).toBe("14.00");
    expect(
      messages(
        updateCheckoutSessionRequestSchema.safeParse({ paymentDetails: { allowOvercharge: true } }),
      )[0],
    ).toMatch(/Unrecognized key: "allowOvercharge"/);
    expect(
      messages(
        updateCheckoutSessionRequestSchema.safeParse({
          webCheckoutDetails: { checkoutMode: "ProcessOrder" },
        }),
      )[0],
    ).toMatch(/Unrecognized key: "checkoutMode"/);
  });

  it("Complete: chargeAmount optional (setup-only sessions), amounts normalized", () => {
    expect(completeCheckoutSessionRequestSchema.parse({})).toEqual({});
    expect(
      completeCheckoutSessionRequestSchema.parse({ chargeAmount: { amount: 1000, currencyCode: "JPY" } }),
    ).toEqual({ chargeAmount: { amount: "1000", currencyCode: "JPY" } });
  });

  it("Finalize: chargeAmount and paymentIntent required", () => {
    expect(messages(finalizeCheckoutSessionRequestSchema.safeParse({}))).toEqual([
      expect.stringMatching(/^chargeAmount: /),
      expect.stringMatching(/^paymentIntent: /),
    ]);
    const body = finalizeCheckoutSessionRequestSchema.parse({
      chargeAmount: { amount: "14.00", currencyCode: "USD" },
      paymentIntent: "AuthorizeWithCapture",
      shippingAddress: {
        name: "Jane Doe",
        addressLine1: "1 Main St",
        city: "Seattle",
        stateOrRegion: "WA",
        postalCode: "98101",
        countryCode: "US",
      },
    });
    expect(body.shippingAddress?.countryCode).toBe("US");
  });
});
