// The hosted checkout and sign-in pages themselves: restrictions, cancel, changes from the review
// page, button signatures and payloads, ProcessOrder and Sign-in.
import { describe, expect, it } from "vitest";
import {
  addMerchant,
  BUYERS,
  buttonConfig,
  call,
  chooseOnHostedPage,
  clickButton,
  postForm,
  RESULT_URL,
  REVIEW_URL,
  sessionIdFrom,
  visit,
} from "../helpers";

import { emulator, merchant, USD, payload, complete, get, setUpHostedFlows } from "./harness";

setUpHostedFlows();

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
