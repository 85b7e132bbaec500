// Buy Now over HTTP: the endpoints the checkout.js dialog calls.
import { describe, expect, it } from "vitest";
import { BUYERS, buttonConfig, call, emulatorJson } from "../helpers";

import { emulator, merchant, USD, cart, start, post, setUpBuyNow } from "./harness";

setUpBuyNow();

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
