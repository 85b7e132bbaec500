// Buy Now over HTTP: the JSON endpoints checkout.js's dialog calls (start, selection, cart,
// confirm, cancel) and Finalize Checkout Session from the merchant's onCompleteCheckout handler.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import {
  addMerchant,
  BUYERS,
  buttonConfig,
  call,
  eventually,
  emulatorJson,
  startTestEmulator,
  type TestMerchant,
} from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator({ config: { asyncDelayMs: 50 } });
  merchant = addMerchant(emulator);
});
beforeEach(() => {
  emulator.emulator.reset();
  emulator.emulator.updateConfig({ buyNowRequireSignedConfig: false });
});
afterAll(() => emulator.close());

const USD = (amount: string) => ({ amount, currencyCode: "USD" });
const cart = (shipping = "5.00", total = "32.40") => ({
  lineItems: [
    { id: "mug", title: "Harbor mug", quantity: "2", listPrice: USD("12.50"), totalListPrice: USD("25.00") },
  ],
  deliveryOptions: [
    {
      id: "std",
      price: USD("5.00"),
      shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "STD" },
      isDefault: true,
    },
    {
      id: "exp",
      price: USD("15.00"),
      shippingMethod: { shippingMethodName: "Express", shippingMethodCode: "EXP" },
      isDefault: false,
    },
  ],
  totalBaseAmount: USD("25.00"),
  totalShippingAmount: USD(shipping),
  totalTaxAmount: USD("2.40"),
  totalChargeAmount: USD(total),
});

interface Choices {
  amazonCheckoutSessionId: string;
  buyers: {
    buyerId: string;
    addresses: { id: string; restriction: string | null; address: Record<string, string | null> }[];
  }[];
  paymentMethods: { id: string; descriptor: string }[];
}

async function start(config: Record<string, unknown> = {}, productType = "PayAndShip") {
  return emulatorJson<Choices>(emulator, "/checkout/buy-now/sessions", {
    body: {
      merchantId: merchant.record.merchantId,
      ledgerCurrency: "USD",
      productType,
      placement: "Product",
      checkoutSessionConfig: {
        storeId: merchant.record.storeId,
        scopes: ["name", "email", "phoneNumber", "billingAddress"],
        paymentDetails: { paymentIntent: "AuthorizeWithCapture" },
        ...config,
      },
    },
  });
}
const post = <T = Record<string, unknown>>(id: string, action: string, body: unknown) =>
  emulatorJson<T>(emulator, `/checkout/buy-now/sessions/${id}/${action}`, { body });

/** The dialog's happy path up to Pay now; returns the session id and the onCompleteCheckout event. */
async function readyToPay(paymentMethodId = "visa-1111", config: Record<string, unknown> = {}) {
  const started = await start(config);
  expect(started.status).toBe(201);
  const id = started.body.amazonCheckoutSessionId;
  const event = await post(id, "selection", { buyerId: BUYERS.ava, addressId: "ava-home", paymentMethodId });
  expect(event.status).toBe(200);
  expect((await post(id, "cart", { event: "init", cartDetails: cart() })).status).toBe(200);
  const confirmed = await post<Record<string, unknown>>(id, "confirm", {});
  expect(confirmed.status).toBe(200);
  return { id, event: confirmed.body };
}

const finalize = (id: string, body: Record<string, unknown>, simulationCode?: string) =>
  call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/finalize`,
    body,
    simulationCode,
  });

describe("Buy Now dialog endpoints", () => {
  it("starts from checkoutSessionConfig and offers buyers, addresses with restrictions and payment methods", async () => {
    const started = await start({ deliverySpecifications: { specialRestrictions: ["RestrictPOBoxes"] } });
    expect(started.status).toBe(201);
    expect(started.headers.get("access-control-allow-origin")).toBe("*");
    const ava = started.body.buyers.find((b) => b.buyerId === BUYERS.ava)!;
    expect(ava.addresses.find((a) => a.id === "ava-po-box")!.restriction).toMatch(/PO boxes/);
    expect(ava.addresses.find((a) => a.id === "ava-home")!.restriction).toBeNull();
    expect(started.body.paymentMethods.map((p) => p.descriptor)).toContain("Visa ****1111");
    const session = await call(emulator, merchant, {
      method: "GET",
      path: `/v2/checkoutSessions/${started.body.amazonCheckoutSessionId}`,
    });
    expect(session.body).toMatchObject({ statusDetails: { state: "Open" }, cartDetails: null });
    expect(Object.keys(session.body).indexOf("cartDetails")).toBe(
      Object.keys(session.body).indexOf("paymentDetails") + 1,
    );
  });

  it("hands the handlers the buyer's choice and keeps the last totalChargeAmount as chargeAmount", async () => {
    const started = await start();
    const id = started.body.amazonCheckoutSessionId;
    const event = await post(id, "selection", {
      buyerId: BUYERS.ava,
      addressId: "ava-home",
      paymentMethodId: "mastercard-4444",
    });
    expect(event.body).toMatchObject({
      amazonCheckoutSessionId: id,
      buyer: { buyerId: BUYERS.ava, name: "Ava Johnson" },
      shippingAddress: { addressLine1: "410 Terry Ave N", city: "Seattle" },
      billingAddress: { addressLine1: "410 Terry Ave N" },
      paymentDescriptor: "Mastercard ****4444",
    });
    const stored = await post<{ cartDetails: Record<string, unknown> }>(id, "cart", {
      event: "init",
      cartDetails: cart(),
    });
    expect(stored.body.cartDetails).toMatchObject({
      totalChargeAmount: USD("32.40"),
      lineItems: [{ quantity: "2" }],
    });
    const delivery = await post<{
      cartDetails: { deliveryOptions: { id: string; isDefault: boolean }[]; totalChargeAmount: unknown };
    }>(id, "cart", {
      event: "delivery",
      deliveryOptionId: "exp",
      cartDetails: {
        totalBaseAmount: USD("25.00"),
        totalShippingAmount: USD("15.00"),
        totalTaxAmount: USD("2.40"),
        totalChargeAmount: USD("42.40"),
      },
    });
    expect(delivery.status, JSON.stringify(delivery.body)).toBe(200);
    expect(delivery.body.cartDetails.deliveryOptions.find((d) => d.isDefault)!.id).toBe("exp");
    const session = await call(emulator, merchant, { method: "GET", path: `/v2/checkoutSessions/${id}` });
    expect(session.body.paymentDetails).toMatchObject({
      chargeAmount: USD("42.40"),
      paymentIntent: "AuthorizeWithCapture",
    });
  });

  it("refuses invalid cart details with a clear message", async () => {
    const id = (await start()).body.amazonCheckoutSessionId;
    await post(id, "selection", { buyerId: BUYERS.ava, addressId: "ava-home", paymentMethodId: "visa-1111" });
    const wrongTotal = await post(id, "cart", { event: "init", cartDetails: cart("5.00", "30.00") });
    expect(wrongTotal).toMatchObject({ status: 400, body: { reasonCode: "InvalidParameterValue" } });
    expect(String(wrongTotal.body.message)).toMatch(/cart details are invalid: \[totalChargeAmount\]/);
    const { deliveryOptions: _d, ...noOptions } = cart();
    expect(
      String((await post(id, "cart", { event: "init", cartDetails: noOptions })).body.message),
    ).toContain("deliveryOptions");
    expect(
      (await post(id, "cart", { event: "init", cartDetails: { ...cart(), extra: true } })).body.reasonCode,
    ).toBe("UnrecognizedField");
    expect((await post(id, "confirm", {})).status).toBe(400);
  });

  it("refuses restricted addresses and requires cart details for a changed address before paying", async () => {
    const id = (
      await start({
        deliverySpecifications: { addressRestrictions: { type: "Allowed", restrictions: { US: {} } } },
      })
    ).body.amazonCheckoutSessionId;
    expect(
      (
        await post(id, "selection", {
          buyerId: BUYERS.ben,
          addressId: "ben-london",
          paymentMethodId: "visa-1111",
        })
      ).status,
    ).toBe(400);
    await post(id, "selection", { buyerId: BUYERS.ava, addressId: "ava-home", paymentMethodId: "visa-1111" });
    await post(id, "cart", { event: "init", cartDetails: cart() });
    await post(id, "selection", { buyerId: BUYERS.ava, addressId: "ava-work", paymentMethodId: "visa-1111" });
    expect(String((await post(id, "confirm", {})).body.message)).toMatch(
      /not accepted the selected shipping address/,
    );
    await post(id, "cart", { event: "address", cartDetails: cart() });
    expect((await post(id, "confirm", {})).status).toBe(200);
  });

  it("cancels: the session becomes Canceled/BuyerCanceled", async () => {
    const id = (await start()).body.amazonCheckoutSessionId;
    expect((await post(id, "cancel", {})).body).toMatchObject({
      state: "Canceled",
      reasonCode: "BuyerCanceled",
    });
  });

  it("verifies a signed checkoutSessionConfig and can require one", async () => {
    const payload = { storeId: merchant.record.storeId, paymentDetails: { paymentIntent: "Authorize" } };
    const signed = await start({}).then(() =>
      emulatorJson(emulator, "/checkout/buy-now/sessions", {
        body: {
          merchantId: merchant.record.merchantId,
          checkoutSessionConfig: buttonConfig(merchant, payload),
        },
      }),
    );
    expect(signed.status).toBe(201);
    const tampered = {
      ...buttonConfig(merchant, payload),
      payloadJSON: JSON.stringify({ ...payload, paymentDetails: { paymentIntent: "Confirm" } }),
    };
    expect(
      (
        await emulatorJson(emulator, "/checkout/buy-now/sessions", {
          body: { merchantId: merchant.record.merchantId, checkoutSessionConfig: tampered },
        })
      ).body.reasonCode,
    ).toBe("InvalidRequestSignature");
    emulator.emulator.updateConfig({ buyNowRequireSignedConfig: true });
    expect((await start()).status).toBe(400);
  });

  it("refuses unknown merchants", async () => {
    const response = await emulatorJson(emulator, "/checkout/buy-now/sessions", {
      body: { merchantId: "ANOBODY0000000", checkoutSessionConfig: { storeId: "x" } },
    });
    expect(response).toMatchObject({ status: 401, body: { reasonCode: "UnauthorizedAccess" } });
  });
});

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
