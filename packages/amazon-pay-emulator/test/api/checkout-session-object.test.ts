// The API at the HTTP level: the Checkout Session object as Create and Get return it.
import { describe, expect, it } from "vitest";
import { call, REVIEW_URL } from "../helpers";

import { emulator, merchant, create, SESSION_KEYS, setUpApi } from "./harness";

setUpApi();

describe("Checkout Session object", () => {
  it("has every documented key in the documented order, null where unset", async () => {
    const { body } = await create();
    expect(Object.keys(body)).toEqual(SESSION_KEYS);
    expect(body).toMatchObject({
      productType: "PayAndShip",
      chargePermissionType: "OneTime",
      buyer: null,
      releaseEnvironment: "Emulator",
      statusDetails: { state: "Open", reasonCode: null, reasonDescription: null },
      webCheckoutDetails: {
        checkoutReviewReturnUrl: REVIEW_URL,
        checkoutResultReturnUrl: null,
        checkoutCancelUrl: null,
        amazonPayRedirectUrl: null,
        checkoutMode: null,
      },
    });
    expect((body.constraints as { constraintId: string }[]).map((c) => c.constraintId)).toEqual([
      "BuyerNotAssociated",
      "ChargeAmountNotSet",
      "CheckoutResultReturnUrlNotSet",
      "PaymentIntentNotSet",
    ]);
    expect(body.creationTimestamp).toMatch(/^\d{8}T\d{6}Z$/);
    const hours =
      (Date.parse(
        String(body.expirationTimestamp).replace(
          /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
          "$1-$2-$3T$4:$5:$6Z",
        ),
      ) -
        Date.parse(
          String(body.creationTimestamp).replace(
            /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
            "$1-$2-$3T$4:$5:$6Z",
          ),
        )) /
      3_600_000;
    expect(hours).toBe(24);
  });

  it("updates partially and keeps amazonPayRedirectUrl null while a constraint remains", async () => {
    const id = String((await create()).body.checkoutSessionId);
    const updated = await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: {
        webCheckoutDetails: { checkoutResultReturnUrl: "https://shop.example/result" },
        paymentDetails: { paymentIntent: "Authorize", chargeAmount: { amount: 10.5, currencyCode: "USD" } },
        merchantMetadata: { merchantReferenceId: "order-42" },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.paymentDetails).toMatchObject({
      chargeAmount: { amount: "10.50", currencyCode: "USD" },
      presentmentCurrency: "USD",
    });
    expect(updated.body.constraints).toEqual([
      { constraintId: "BuyerNotAssociated", description: expect.stringContaining("no buyer") as string },
    ]);
    expect((updated.body.webCheckoutDetails as Record<string, unknown>).amazonPayRedirectUrl).toBeNull();
    expect(updated.body.merchantMetadata).toMatchObject({
      merchantReferenceId: "order-42",
      noteToBuyer: null,
    });
  });
});
