// Conformance: every operation of the typed client against the emulator.
import { describe, expect, it } from "vitest";
import { BUYERS, eventually, emulatorJson, postForm, REVIEW_URL } from "../helpers";
import {
  amazonPay,
  buyerCheckout,
  chargeablePermission,
  emulator,
  merchant,
  setUpConformance,
  USD,
} from "./harness";

setUpConformance();

describe("conformance with the typed client: operations", () => {
  it("Create, Get, Update and Complete Checkout Session", async () => {
    const created = await amazonPay.checkoutSessions.create({
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    expect(created.status).toBe(201);
    expect(created.data.statusDetails.state).toBe("Open");
    expect(created.data.constraints?.map((c) => c.constraintId)).toContain("BuyerNotAssociated");
    const got = await amazonPay.checkoutSessions.get(created.data.checkoutSessionId);
    expect(got.data.checkoutSessionId).toBe(created.data.checkoutSessionId);
    const id = await buyerCheckout({ paymentIntent: "Authorize", chargeAmount: USD("25.00") });
    const completed = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("25.00") });
    expect(completed.status).toBe(200);
    expect(completed.data.statusDetails.state).toBe("Completed");
    expect(completed.data.chargeId).toMatch(/^S01-\d{7}-\d{7}-C\d{6}$/);
  });

  it("Complete answers 202 for a pending authorization", async () => {
    const id = await buyerCheckout(
      { paymentIntent: "Authorize", canHandlePendingAuthorization: true, chargeAmount: USD("25.00") },
      "visa-0701",
    );
    const completed = await amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("25.00") });
    expect(completed.status).toBe(202);
    // The authorization settles after the emulator's async delay; a loaded machine may read it settled.
    const charge = await amazonPay.charges.get(completed.data.chargeId!);
    expect(["AuthorizationInitiated", "Authorized"]).toContain(charge.data.statusDetails.state);
    await eventually(
      async () =>
        (await amazonPay.charges.get(completed.data.chargeId!)).data.statusDetails.state === "Authorized" ||
        undefined,
    );
  });

  it("Finalize Checkout Session (Buy Now)", async () => {
    const started = await emulatorJson<{ amazonCheckoutSessionId: string }>(
      emulator,
      "/checkout/buy-now/sessions",
      {
        body: {
          merchantId: merchant.record.merchantId,
          checkoutSessionConfig: {
            storeId: merchant.record.storeId,
            paymentDetails: { paymentIntent: "Authorize" },
          },
        },
      },
    );
    const id = started.body.amazonCheckoutSessionId;
    const base = `/checkout/buy-now/sessions/${id}`;
    await emulatorJson(emulator, `${base}/selection`, {
      body: { buyerId: BUYERS.chloe, addressId: "chloe-munich", paymentMethodId: "visa-1111" },
    });
    await emulatorJson(emulator, `${base}/cart`, {
      body: {
        event: "init",
        cartDetails: {
          totalBaseAmount: USD("10.00"),
          totalShippingAmount: USD("0.00"),
          totalTaxAmount: USD("0.00"),
          totalChargeAmount: USD("10.00"),
          deliveryOptions: [
            {
              id: "std",
              price: USD("0.00"),
              shippingMethod: { shippingMethodName: "Free", shippingMethodCode: "FREE" },
              isDefault: true,
            },
          ],
        },
      },
    });
    const event = (
      await emulatorJson<{
        shippingAddress: {
          name: string;
          addressLine1: string;
          city: string;
          postalCode: string;
          countryCode: string;
          phoneNumber: string;
        };
      }>(emulator, `${base}/confirm`, { body: {} })
    ).body;
    const { name, addressLine1, city, postalCode, countryCode, phoneNumber } = event.shippingAddress;
    const finalized = await amazonPay.checkoutSessions.finalize(id, {
      chargeAmount: USD("10.00"),
      paymentIntent: "Authorize",
      shippingAddress: { name, addressLine1, city, postalCode, countryCode, phoneNumber },
    });
    expect(finalized.status).toBe(200);
    expect(finalized.data.statusDetails.state).toBe("Completed");
    expect(finalized.data.cartDetails?.totalChargeAmount).toEqual(USD("10.00"));
  });

  it("Get, Update and Close Charge Permission", async () => {
    const permissionId = await chargeablePermission();
    const got = await amazonPay.chargePermissions.get(permissionId);
    expect(got.data).toMatchObject({
      chargePermissionType: "OneTime",
      limits: { amountLimit: USD("100.00"), amountBalance: USD("100.00") },
    });
    expect(got.data.buyer?.buyerId).toBe(BUYERS.ava);
    const updated = await amazonPay.chargePermissions.update(permissionId, {
      merchantMetadata: { merchantReferenceId: "order-77", merchantStoreName: "Harbor & Pine" },
    });
    expect(updated.data.merchantMetadata).toMatchObject({
      merchantReferenceId: "order-77",
      merchantStoreName: "Harbor & Pine",
    });
    const closed = await amazonPay.chargePermissions.close(permissionId, {
      closureReason: "Order shipped",
      cancelPendingCharges: false,
    });
    expect(closed.data.statusDetails).toMatchObject({
      state: "Closed",
      reasons: [{ reasonCode: "MerchantClosed" }],
    });
  });

  it("Create, Get, Capture and Cancel Charge", async () => {
    const permissionId = await chargeablePermission();
    const first = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("40.00"),
    });
    expect(first.status).toBe(201);
    expect(first.data.statusDetails.state).toBe("Authorized");
    const captured = await amazonPay.charges.capture(first.data.chargeId, {
      captureAmount: USD("40.00"),
      softDescriptor: "HARBOR PINE",
    });
    expect(captured.data).toMatchObject({
      statusDetails: { state: "Captured" },
      captureAmount: USD("40.00"),
      softDescriptor: "HARBOR PINE",
    });
    const second = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("20.00"),
    });
    const canceled = await amazonPay.charges.cancel(second.data.chargeId, {
      cancellationReason: "Out of stock",
    });
    expect(canceled.data.statusDetails).toMatchObject({ state: "Canceled", reasonCode: "MerchantCanceled" });
    const third = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("60.00"),
      captureNow: true,
      softDescriptor: "HARBOR",
    });
    expect(third.data.statusDetails.state).toBe("Captured");
    expect((await amazonPay.charges.get(third.data.chargeId)).data.chargeId).toBe(third.data.chargeId);
    // 40 + 60 captured: the OneTime permission is fully captured and closes.
    expect((await amazonPay.chargePermissions.get(permissionId)).data.statusDetails.state).toBe("Closed");
  });

  it("Create and Get Refund", async () => {
    const permissionId = await chargeablePermission();
    const charge = await amazonPay.charges.create({
      chargePermissionId: permissionId,
      chargeAmount: USD("50.00"),
      captureNow: true,
    });
    const refund = await amazonPay.refunds.create({
      chargeId: charge.data.chargeId,
      refundAmount: USD("20.00"),
    });
    expect(refund.status).toBe(201);
    expect(refund.data.statusDetails.state).toBe("RefundInitiated");
    const settled = await eventually(async () => {
      const r = await amazonPay.refunds.get(refund.data.refundId);
      return r.data.statusDetails.state === "Refunded" ? r : undefined;
    });
    expect(settled.data.refundAmount).toEqual(USD("20.00"));
    expect((await amazonPay.charges.get(charge.data.chargeId)).data.refundedAmount).toEqual(USD("20.00"));
  });

  it("Create Delivery Tracker", async () => {
    const permissionId = await chargeablePermission();
    const tracker = await amazonPay.deliveryTrackers.create({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    });
    expect(tracker.data).toMatchObject({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    });
  });

  it("Get Buyer", async () => {
    const config = amazonPay.signButtonPayload(
      JSON.stringify({
        signInReturnUrl: "https://shop.example/account",
        storeId: merchant.record.storeId,
        signInScopes: ["name", "email", "shippingAddress", "billingAddress"],
      }),
    );
    const started = await postForm(emulator, "/checkout/start", { ...config, productType: "SignIn" });
    const signInId = new URL(started.headers.get("location")!, emulator.url).searchParams.get("signInId")!;
    const back = await postForm(emulator, "/signin", { signInId, buyerId: BUYERS.ava });
    const token = new URL(back.headers.get("location")!).searchParams.get("buyerToken")!;
    const buyer = await amazonPay.buyers.get(token);
    expect(buyer.data).toMatchObject({
      buyerId: BUYERS.ava,
      name: "Ava Johnson",
      shippingAddress: { city: "Seattle" },
      billingAddress: { stateOrRegion: "WA" },
    });
  });
});
