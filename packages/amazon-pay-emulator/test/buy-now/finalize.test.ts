// Buy Now over HTTP: Finalize Checkout Session.
import { describe, expect, it } from "vitest";
import { BUYERS, call, eventually, emulatorJson } from "../helpers";

import {
  emulator,
  merchant,
  USD,
  cart,
  type Choices,
  start,
  post,
  readyToPay,
  finalize,
  setUpBuyNow,
} from "./harness";

setUpBuyNow();

describe("Finalize Checkout Session", () => {
  const shippingAddress = {
    name: "Ava Johnson",
    addressLine1: "410 Terry Ave N",
    addressLine2: "Apt 5",
    city: "Seattle",
    stateOrRegion: "WA",
    postalCode: "98109",
    countryCode: "US",
    phoneNumber: "+1 206-555-0100",
  };

  it("completes with the details the buyer chose: 200, Completed, cartDetails, Captured charge", async () => {
    const { id, event } = await readyToPay();
    const done = await finalize(id, {
      chargeAmount: USD("32.40"),
      paymentIntent: "AuthorizeWithCapture",
      shippingAddress: event.shippingAddress,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      statusDetails: { state: "Completed" },
      cartDetails: { totalChargeAmount: USD("32.40") },
    });
    const charge = await call(emulator, merchant, {
      method: "GET",
      path: `/v2/charges/${String(done.body.chargeId)}`,
    });
    expect(charge.body.statusDetails).toMatchObject({ state: "Captured" });
    expect(charge.body.captureAmount).toEqual(USD("32.40"));
  });

  it("checks chargeAmount, paymentIntent and the shipping address", async () => {
    const { id } = await readyToPay();
    expect(
      await finalize(id, {
        chargeAmount: USD("30.00"),
        paymentIntent: "AuthorizeWithCapture",
        shippingAddress,
      }),
    ).toMatchObject({ status: 400, body: { reasonCode: "AmountMismatch" } });
    expect(
      await finalize(id, { chargeAmount: USD("32.40"), paymentIntent: "Authorize", shippingAddress }),
    ).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    const wrongAddress = await finalize(id, {
      chargeAmount: USD("32.40"),
      paymentIntent: "AuthorizeWithCapture",
      shippingAddress: { ...shippingAddress, postalCode: "98110" },
    });
    expect(wrongAddress).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(String(wrongAddress.body.message)).toContain("[shippingAddress.postalCode]");
    expect(
      await finalize(id, { chargeAmount: USD("32.40"), paymentIntent: "AuthorizeWithCapture" }),
    ).toMatchObject({ status: 400, body: { reasonCode: "MissingParameterValue" } });
    expect(
      (
        await finalize(id, {
          chargeAmount: USD("32.40"),
          paymentIntent: "AuthorizeWithCapture",
          shippingAddress: { ...shippingAddress, city: " seattle " },
        })
      ).status,
    ).toBe(200);
  });

  it("checks the billing address for PayOnly", async () => {
    const started = await emulatorJson<Choices>(emulator, "/checkout/buy-now/sessions", {
      body: {
        merchantId: merchant.record.merchantId,
        productType: "PayOnly",
        checkoutSessionConfig: {
          storeId: merchant.record.storeId,
          paymentDetails: { paymentIntent: "Authorize" },
        },
      },
    });
    const id = started.body.amazonCheckoutSessionId;
    expect(started.body.buyers[0]!.addresses).toEqual([]);
    await post(id, "selection", { buyerId: BUYERS.ben, paymentMethodId: "visa-1111" });
    const { deliveryOptions: _d, ...digital } = { ...cart("0.00", "27.40") };
    expect((await post(id, "cart", { event: "init", cartDetails: digital })).status).toBe(200);
    const event = (await post<{ billingAddress: Record<string, unknown> }>(id, "confirm", {})).body;
    expect(
      await finalize(id, {
        chargeAmount: USD("27.40"),
        paymentIntent: "Authorize",
        billingAddress: { ...event.billingAddress, addressLine1: "1 Other St" },
      }),
    ).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    const done = await finalize(id, {
      chargeAmount: USD("27.40"),
      paymentIntent: "Authorize",
      billingAddress: event.billingAddress,
    });
    expect(done.status).toBe(200);
    expect(done.body.shippingAddress).toBeNull();
  });

  it("refuses Finalize before the buyer pressed Pay now", async () => {
    const id = (await start()).body.amazonCheckoutSessionId;
    expect(
      await finalize(id, {
        chargeAmount: USD("1.00"),
        paymentIntent: "AuthorizeWithCapture",
        shippingAddress,
      }),
    ).toMatchObject({ status: 422, body: { reasonCode: "InvalidCheckoutSessionStatus" } });
  });

  it("declines with …3434: 422 CheckoutSessionCanceled and the session Canceled/Declined", async () => {
    const { id } = await readyToPay("visa-3434");
    expect(
      await finalize(id, {
        chargeAmount: USD("32.40"),
        paymentIntent: "AuthorizeWithCapture",
        shippingAddress,
      }),
    ).toMatchObject({ status: 422, body: { reasonCode: "CheckoutSessionCanceled" } });
    expect((await emulatorJson(emulator, `/checkout/buy-now/sessions/${id}`)).body).toMatchObject({
      state: "Canceled",
      reasonCode: "Declined",
    });
  });

  it("answers 202 for …0701 with Authorize and canHandlePendingAuthorization, then authorizes", async () => {
    const { id } = await readyToPay("visa-0701", {
      paymentDetails: { paymentIntent: "Authorize", canHandlePendingAuthorization: true },
    });
    const done = await finalize(id, {
      chargeAmount: USD("32.40"),
      paymentIntent: "Authorize",
      canHandlePendingAuthorization: true,
      shippingAddress,
    });
    expect(done.status).toBe(202);
    await eventually(async () => {
      const charge = await call(emulator, merchant, {
        method: "GET",
        path: `/v2/charges/${String(done.body.chargeId)}`,
      });
      return (charge.body.statusDetails as { state: string }).state === "Authorized" || undefined;
    });
  });

  it("honours a checkout simulation code", async () => {
    const { id } = await readyToPay();
    expect(
      (
        await finalize(
          id,
          { chargeAmount: USD("32.40"), paymentIntent: "AuthorizeWithCapture", shippingAddress },
          "BuyerCanceled",
        )
      ).body.reasonCode,
    ).toBe("CheckoutSessionCanceled");
  });
});
