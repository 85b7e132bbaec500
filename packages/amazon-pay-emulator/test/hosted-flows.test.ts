// The standard checkout through the hosted pages, over HTTP, for every emulator instrument and
// payment intent: signed button payload → hosted page → review redirect → Update → processing →
// result redirect → Complete.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import {
  addMerchant,
  BUYERS,
  buttonConfig,
  call,
  chooseOnHostedPage,
  clickButton,
  eventually,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  sessionIdFrom,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator({ config: { asyncDelayMs: 100 } });
  merchant = addMerchant(emulator);
});
beforeEach(() => emulator.emulator.reset());
afterAll(() => emulator.close());

type Intent = "Authorize" | "AuthorizeWithCapture" | "Confirm";
const INSTRUMENTS = {
  "1111": "visa-1111",
  "0005": "amex-0005",
  "4444": "mastercard-4444",
  "9424": "discover-9424",
  "0000": "jcb-0000",
  "3434": "visa-3434",
  "3064": "mastercard-3064",
  "0701": "visa-0701",
  "4354": "discover-4354",
} as const;
const USD = (amount: string) => ({ amount, currencyCode: "USD" });

const payload = (extra: Record<string, unknown> = {}) => ({
  webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
  storeId: merchant.record.storeId,
  ...extra,
});

/** Button → hosted page → review → Update → processing → result. Returns the session id. */
async function throughProcessing(
  last4: keyof typeof INSTRUMENTS,
  intent: Intent,
  canHandlePendingAuthorization: boolean,
): Promise<string> {
  const id = await clickButton(emulator, merchant, payload());
  const review = await chooseOnHostedPage(emulator, id, { paymentMethodId: INSTRUMENTS[last4] });
  expect(review).toBe(`https://shop.example/checkout/review?step=review&amazonCheckoutSessionId=${id}`);
  const updated = await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent: intent, canHandlePendingAuthorization, chargeAmount: USD("49.90") },
    },
  });
  expect(updated.status).toBe(200);
  expect(updated.body.constraints).toEqual([]);
  const redirectUrl = (updated.body.webCheckoutDetails as Record<string, string>).amazonPayRedirectUrl!;
  expect(redirectUrl).toBe(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  const processed = await visit(redirectUrl);
  expect(processed.status).toBe(303);
  expect(processed.headers.get("location")).toBe(`${RESULT_URL}?amazonCheckoutSessionId=${id}`);
  return id;
}

const complete = (id: string, amount = "49.90") =>
  call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/complete`,
    body: { chargeAmount: USD(amount) },
  });
const get = (path: string) => call(emulator, merchant, { method: "GET", path });

describe("standard checkout through the hosted pages", () => {
  const intents: Intent[] = ["Authorize", "AuthorizeWithCapture", "Confirm"];

  for (const last4 of ["1111", "0005", "4444", "9424", "0000"] as const) {
    for (const intent of intents) {
      it(`…${last4} approves with ${intent}`, async () => {
        const id = await throughProcessing(last4, intent, false);
        const done = await complete(id);
        expect(done.status).toBe(200);
        expect(done.body.statusDetails).toMatchObject({ state: "Completed" });
        const permission = await get(`/v2/chargePermissions/${String(done.body.chargePermissionId)}`);
        expect(permission.body.paymentPreferences).toEqual([
          { paymentDescriptor: expect.stringContaining(last4) as string },
        ]);
        if (intent === "Confirm") {
          expect(done.body.chargeId).toBeNull();
          expect(permission.body.statusDetails).toMatchObject({ state: "Chargeable" });
          return;
        }
        const charge = await get(`/v2/charges/${String(done.body.chargeId)}`);
        expect(charge.body.statusDetails).toMatchObject({
          state: intent === "Authorize" ? "Authorized" : "Captured",
        });
        // A OneTime permission closes once fully captured.
        expect(permission.body.statusDetails).toMatchObject({
          state: intent === "Authorize" ? "Chargeable" : "Closed",
        });
      });
    }
  }

  for (const intent of intents) {
    it(`…3434 declines with ${intent}: Canceled/Declined, Complete answers 422 CheckoutSessionCanceled`, async () => {
      const id = await throughProcessing("3434", intent, false);
      expect((await get(`/v2/checkoutSessions/${id}`)).body.statusDetails).toMatchObject({
        state: "Canceled",
        reasonCode: "Declined",
      });
      const done = await complete(id);
      expect(done).toMatchObject({ status: 422, body: { reasonCode: "CheckoutSessionCanceled" } });
    });

    it(`…3064 is canceled by the buyer with ${intent}: Canceled/BuyerCanceled`, async () => {
      const id = await throughProcessing("3064", intent, false);
      expect((await complete(id)).body.reasonCode).toBe("CheckoutSessionCanceled");
      expect((await get(`/v2/checkoutSessions/${id}`)).body.statusDetails).toMatchObject({
        state: "Canceled",
        reasonCode: "BuyerCanceled",
      });
    });
  }

  it("…0701 with Authorize and canHandlePendingAuthorization: 202, AuthorizationInitiated, then Authorized", async () => {
    const id = await throughProcessing("0701", "Authorize", true);
    const done = await complete(id);
    expect(done.status).toBe(202);
    const chargePath = `/v2/charges/${String(done.body.chargeId)}`;
    expect((await get(chargePath)).body.statusDetails).toMatchObject({ state: "AuthorizationInitiated" });
    await eventually(
      async () => ((await get(chargePath)).body.statusDetails as { state: string }).state === "Authorized",
    );
  });

  it("…4354 with Authorize and canHandlePendingAuthorization: 202, then Declined/HardDeclined and the permission NonChargeable", async () => {
    const id = await throughProcessing("4354", "Authorize", true);
    const done = await complete(id);
    expect(done.status).toBe(202);
    const chargePath = `/v2/charges/${String(done.body.chargeId)}`;
    const charge = await eventually(async () => {
      const c = await get(chargePath);
      return (c.body.statusDetails as { state: string }).state === "Declined" ? c : undefined;
    });
    expect(charge.body.statusDetails).toMatchObject({ reasonCode: "HardDeclined" });
    const permissionPath = `/v2/chargePermissions/${String(done.body.chargePermissionId)}`;
    expect((await get(permissionPath)).body.statusDetails).toMatchObject({
      state: "NonChargeable",
      reasons: [{ reasonCode: "PaymentMethodInvalid" }],
    });
    // The buyer picks another payment method on their account page; the permission is Chargeable again.
    const accountUrl = `${emulator.url}/jr/your-account/ba/${String(done.body.chargePermissionId)}`;
    expect(await (await fetch(accountUrl)).text()).toContain("NonChargeable (PaymentMethodInvalid)");
    const changed = await postForm(emulator, `/jr/your-account/ba/${String(done.body.chargePermissionId)}`, {
      paymentMethodId: "visa-1111",
    });
    expect(await changed.text()).toContain("Your payment method was updated.");
    const permission = (await get(permissionPath)).body;
    expect(permission.statusDetails).toMatchObject({ state: "Chargeable", reasons: null });
    expect(permission.paymentPreferences).toEqual([{ paymentDescriptor: "Visa ****1111" }]);
  });

  for (const [last4, intent, pending] of [
    ["0701", "Authorize", false],
    ["0701", "AuthorizeWithCapture", false],
    ["4354", "Confirm", true],
  ] as const) {
    it(`…${last4} without its prerequisite (${intent}, canHandlePendingAuthorization ${pending}) is an error`, async () => {
      const id = await throughProcessing(last4, intent, pending);
      const done = await complete(id);
      expect(done).toMatchObject({ status: 400, body: { reasonCode: "InvalidSandboxSimulationSpecified" } });
      expect((await get(`/v2/checkoutSessions/${id}`)).body.statusDetails).toMatchObject({ state: "Open" });
    });
  }

  it("follows the configured behaviour for pending cards without the prerequisite", async () => {
    emulator.emulator.updateConfig({ pendingInstrumentWithoutPrerequisite: "decline" });
    try {
      const id = await throughProcessing("0701", "AuthorizeWithCapture", false);
      expect((await complete(id)).body.reasonCode).toBe("CheckoutSessionCanceled");
    } finally {
      emulator.emulator.updateConfig({ pendingInstrumentWithoutPrerequisite: "error" });
    }
  });
});

describe("Complete preconditions", () => {
  async function reviewed(): Promise<string> {
    const id = await clickButton(emulator, merchant, payload());
    await chooseOnHostedPage(emulator, id);
    await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: {
        webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
        paymentDetails: {
          paymentIntent: "Authorize",
          chargeAmount: USD("49.90"),
          totalOrderAmount: USD("60.00"),
        },
      },
    });
    return id;
  }

  it("requires the buyer to have gone through amazonPayRedirectUrl", async () => {
    const id = await reviewed();
    expect(await complete(id)).toMatchObject({
      status: 422,
      body: { reasonCode: "InvalidCheckoutSessionStatus" },
    });
  });

  it("checks chargeAmount, its currency and totalOrderAmount", async () => {
    const id = await reviewed();
    await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
    const body = (chargeAmount: unknown, totalOrderAmount?: unknown) => ({
      method: "POST" as const,
      path: `/v2/checkoutSessions/${id}/complete`,
      body: { chargeAmount, ...(totalOrderAmount ? { totalOrderAmount } : {}) },
    });
    expect(await call(emulator, merchant, body(USD("49.91"), USD("60.00")))).toMatchObject({
      status: 400,
      body: { reasonCode: "AmountMismatch" },
    });
    expect(
      await call(emulator, merchant, body({ amount: "49.90", currencyCode: "EUR" }, USD("60.00"))),
    ).toMatchObject({ status: 400, body: { reasonCode: "CurrencyMismatch" } });
    expect(await call(emulator, merchant, body(USD("49.90")))).toMatchObject({
      status: 400,
      body: { reasonCode: "MissingParameterValue" },
    });
    expect(await call(emulator, merchant, body(USD("49.90"), USD("61.00")))).toMatchObject({
      status: 400,
      body: { reasonCode: "AmountMismatch" },
    });
    const done = await call(emulator, merchant, body(USD("49.90"), USD("60.00")));
    expect(done.status).toBe(200);
    const cp = await get(`/v2/chargePermissions/${String(done.body.chargePermissionId)}`);
    expect(cp.body.limits).toEqual({ amountLimit: USD("60.00"), amountBalance: USD("60.00") });
  });

  it("refuses a second Complete, and an Update after the redirect", async () => {
    const id = await reviewed();
    expect(
      (
        await call(emulator, merchant, {
          method: "PATCH",
          path: `/v2/checkoutSessions/${id}`,
          body: { merchantMetadata: { merchantReferenceId: "order-1" } },
        })
      ).status,
    ).toBe(200);
    await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
    const updateAfter = await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: { merchantMetadata: { merchantReferenceId: "order-2" } },
    });
    expect(updateAfter).toMatchObject({ status: 422, body: { reasonCode: "InvalidCheckoutSessionStatus" } });
    const body = { chargeAmount: USD("49.90"), totalOrderAmount: USD("60.00") };
    expect(
      (await call(emulator, merchant, { method: "POST", path: `/v2/checkoutSessions/${id}/complete`, body }))
        .status,
    ).toBe(200);
    expect(
      await call(emulator, merchant, { method: "POST", path: `/v2/checkoutSessions/${id}/complete`, body }),
    ).toMatchObject({ status: 422, body: { reasonCode: "InvalidCheckoutSessionStatus" } });
  });

  it("honours a checkout simulation code on Complete", async () => {
    const id = await reviewed();
    await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
    const done = await call(emulator, merchant, {
      method: "POST",
      path: `/v2/checkoutSessions/${id}/complete`,
      body: { chargeAmount: USD("49.90"), totalOrderAmount: USD("60.00") },
      simulationCode: "AmazonCanceled",
    });
    expect(done.body.reasonCode).toBe("CheckoutSessionCanceled");
    expect((await get(`/v2/checkoutSessions/${id}`)).body.statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "AmazonCanceled",
    });
  });

  it("applies a simulation code sent with Update when the buyer is processed", async () => {
    const id = await clickButton(emulator, merchant, payload());
    await chooseOnHostedPage(emulator, id);
    await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      simulationCode: "Declined",
      body: {
        webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
        paymentDetails: { paymentIntent: "Authorize", chargeAmount: USD("5.00") },
      },
    });
    await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
    expect((await get(`/v2/checkoutSessions/${id}`)).body.statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "Declined",
    });
  });
});

describe("hosted page", () => {
  it("shows restricted addresses disabled with the reason and refuses them", async () => {
    const id = await clickButton(
      emulator,
      merchant,
      payload({
        deliverySpecifications: {
          specialRestrictions: ["RestrictPOBoxes"],
          addressRestrictions: { type: "Allowed", restrictions: { US: { statesOrRegions: ["WA", "NY"] } } },
        },
      }),
    );
    const page = await (await fetch(`${emulator.url}/checkout?amazonCheckoutSessionId=${id}`)).text();
    expect(page).toMatch(
      /<input[^>]*id="address-ava-po-box"[^>]*disabled[^>]*aria-describedby="address-ava-po-box-reason"/,
    );
    expect(page).toContain("PO Box 81226");
    expect(page).toContain("Not available: The merchant does not ship to PO boxes.");
    expect(page).toMatch(/<input[^>]*id="address-ava-work"[^>]*disabled/);
    expect(page).toContain("Not available: The merchant does not ship to TX, US.");
    expect(page).toMatch(/<input[^>]*id="address-ava-home"[^>]*checked/);
    expect(page).toMatch(/<label for="payment-visa-1111">Visa ending in 1111/);
    expect(page).toMatch(/<button type="submit"[^>]*>Continue<\/button>/);
    const refused = await postForm(emulator, "/checkout", {
      amazonCheckoutSessionId: id,
      buyerId: BUYERS.ava,
      addressId: "ava-po-box",
      paymentMethodId: "visa-1111",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('role="alert"');
    await chooseOnHostedPage(emulator, id, { buyerId: BUYERS.ben, addressId: "ben-home" });
    const session = await get(`/v2/checkoutSessions/${id}`);
    expect(session.body.shippingAddress).toMatchObject({ addressLine1: "350 5th Ave", stateOrRegion: "NY" });
    expect(session.body.buyer).toMatchObject({ buyerId: BUYERS.ben, name: "Ben Carter" });
  });

  it("Cancel returns a BuyerCanceled session to checkoutCancelUrl, or to the review URL", async () => {
    const withCancelUrl = await clickButton(
      emulator,
      merchant,
      payload({
        webCheckoutDetails: {
          checkoutReviewReturnUrl: REVIEW_URL,
          checkoutCancelUrl: "https://shop.example/cart?canceled=1",
        },
      }),
    );
    const first = await visit(`${emulator.url}/checkout/cancel?amazonCheckoutSessionId=${withCancelUrl}`);
    expect(first.headers.get("location")).toBe(
      `https://shop.example/cart?canceled=1&amazonCheckoutSessionId=${withCancelUrl}`,
    );
    expect((await get(`/v2/checkoutSessions/${withCancelUrl}`)).body.statusDetails).toMatchObject({
      state: "Canceled",
      reasonCode: "BuyerCanceled",
    });
    const without = await clickButton(emulator, merchant, payload());
    const second = await visit(`${emulator.url}/checkout/cancel?amazonCheckoutSessionId=${without}`);
    expect(sessionIdFrom(second.headers.get("location"))).toBe(without);
    expect(second.headers.get("location")).toContain(REVIEW_URL);
  });

  it("lets the buyer change the address and the payment method from the review page", async () => {
    const id = await clickButton(emulator, merchant, payload());
    await chooseOnHostedPage(emulator, id);
    const page = await (
      await fetch(`${emulator.url}/checkout?amazonCheckoutSessionId=${id}&changeAction=changeAddress`)
    ).text();
    expect(page).toContain("Change your shipping address");
    expect(page).toContain("Signed in as <strong>Ava Johnson</strong>");
    const back = await postForm(emulator, "/checkout", {
      amazonCheckoutSessionId: id,
      buyerId: BUYERS.ava,
      addressId: "ava-work",
      paymentMethodId: "mastercard-4444",
      changeAction: "changeAddress",
    });
    expect(sessionIdFrom(back.headers.get("location"))).toBe(id);
    const session = await get(`/v2/checkoutSessions/${id}`);
    expect(session.body.shippingAddress).toMatchObject({ city: "Austin" });
    expect(session.body.paymentPreferences).toEqual([{ paymentDescriptor: "Mastercard ****4444" }]);
  });

  it("shows the signature error page like Amazon for a bad button signature", async () => {
    const config = buttonConfig(merchant, payload());
    const response = await postForm(emulator, "/checkout/start", {
      ...config,
      payloadJSON: config.payloadJSON.replace("review", "revue"),
    });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain("InvalidRequestSignature");
    expect(html).toContain("Unable to verify signature, signing String [AMZN-PAY-RSASSA-PSS-V2\\n");
  });

  it("assumes AMZN-PAY-RSASSA-PSS when the button config has no algorithm", async () => {
    const config = buttonConfig(merchant, payload(), "AMZN-PAY-RSASSA-PSS");
    const response = await postForm(emulator, "/checkout/start", {
      payloadJSON: config.payloadJSON,
      signature: config.signature,
      publicKeyId: config.publicKeyId,
    });
    expect(response.status).toBe(303);
  });

  it("validates the button payload as Create Checkout Session would", async () => {
    const response = await postForm(
      emulator,
      "/checkout/start",
      buttonConfig(merchant, { ...payload(), unknownField: true }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("UnrecognizedField");
  });

  it("runs an Additional Payment Button (ProcessOrder) checkout straight to the result page", async () => {
    const id = await clickButton(emulator, merchant, {
      storeId: merchant.record.storeId,
      webCheckoutDetails: { checkoutMode: "ProcessOrder", checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent: "AuthorizeWithCapture", chargeAmount: USD("12.00") },
      addressDetails: {
        name: "Ada Lovelace",
        addressLine1: "12 Market St",
        city: "Seattle",
        stateOrRegion: "WA",
        postalCode: "98101",
        countryCode: "US",
        phoneNumber: "0",
      },
    });
    const next = await postForm(emulator, "/checkout", {
      amazonCheckoutSessionId: id,
      buyerId: BUYERS.chloe,
      paymentMethodId: "visa-1111",
    });
    expect(next.headers.get("location")).toBe(
      `${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`,
    );
    expect((await visit(next.headers.get("location")!)).headers.get("location")).toBe(
      `${RESULT_URL}?amazonCheckoutSessionId=${id}`,
    );
    const done = await complete(id, "12.00");
    expect(done.status).toBe(200);
    expect(done.body.shippingAddress).toMatchObject({ name: "Ada Lovelace", addressLine1: "12 Market St" });
  });

  it("signs a buyer in with the SignIn button and answers Get Buyer", async () => {
    const signInPayload = {
      signInReturnUrl: "https://shop.example/signin?from=header",
      storeId: merchant.record.storeId,
      signInScopes: ["name", "email", "postalCode"],
    };
    const started = await postForm(emulator, "/checkout/start", {
      ...buttonConfig(merchant, signInPayload),
      productType: "SignIn",
    });
    expect(started.status).toBe(303);
    const signInId = new URL(started.headers.get("location")!, emulator.url).searchParams.get("signInId")!;
    const back = await postForm(emulator, "/signin", { signInId, buyerId: BUYERS.ben });
    const target = new URL(back.headers.get("location")!);
    expect(target.searchParams.get("from")).toBe("header");
    const token = target.searchParams.get("buyerToken")!;
    const buyer = await get(`/v2/buyers/${token}`);
    expect(buyer.body).toEqual({
      buyerId: BUYERS.ben,
      name: "Ben Carter",
      email: "ben.carter@sandbox.example",
      postalCode: "10118",
      countryCode: "US",
      shippingAddress: null,
      billingAddress: null,
      phoneNumber: null,
      primeMembershipTypes: null,
    });
    const other = addMerchant(emulator, { keyIndex: 1 });
    expect(
      (await call(emulator, other, { method: "GET", path: `/v2/buyers/${token}` })).body.reasonCode,
    ).toBe("UnauthorizedAccess");
  });

  it("refuses processing while constraints remain", async () => {
    const id = await clickButton(emulator, merchant, payload());
    await chooseOnHostedPage(emulator, id);
    const response = await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("ChargeAmountNotSet");
  });
});
