// The official Node SDK against the emulator over TLS: Charge Permission, Charge, Refund, Buyer
// and Delivery Tracker, with the response keys the SDK's own tests require.
import { describe, expect, it } from "vitest";
import { BUYERS, postForm } from "../helpers";
import {
  chargeablePermission,
  emulator,
  expectSdkError,
  keyHeaders,
  merchant,
  setUpSdk,
  USD,
  webStore,
  webStoreV2,
} from "./harness";
import { amazonHostCertificate, routeSdkTo } from "./tls";

setUpSdk();

const PERMISSION_KEYS = [
  "chargePermissionId",
  "chargePermissionReferenceId",
  "platformId",
  "buyer",
  "shippingAddress",
  "billingAddress",
  "paymentPreferences",
  "statusDetails",
  "creationTimestamp",
  "expirationTimestamp",
  "merchantMetadata",
  "releaseEnvironment",
  "limits",
  "chargePermissionType",
  "recurringMetadata",
  "presentmentCurrency",
];
const CHARGE_KEYS = [
  "chargeId",
  "chargeAmount",
  "chargePermissionId",
  "captureAmount",
  "refundedAmount",
  "softDescriptor",
  "providerMetadata",
  "convertedAmount",
  "conversionRate",
  "channel",
  "chargeInitiator",
  "statusDetails",
  "creationTimestamp",
  "expirationTimestamp",
  "releaseEnvironment",
  "merchantMetadata",
  "platformId",
  "webCheckoutDetails",
];
const REFUND_KEYS = [
  "refundId",
  "chargeId",
  "creationTimestamp",
  "refundAmount",
  "statusDetails",
  "softDescriptor",
  "releaseEnvironment",
];

const metadata = {
  merchantMetadata: {
    merchantReferenceId: "HP-1001",
    merchantStoreName: "Test Shop",
    noteToBuyer: "Thank you for your order!",
    customInformation: "Custom Info",
  },
};

describe("official Node SDK over TLS: payments", () => {
  it("gets, updates and closes a Charge Permission", async () => {
    const id = await chargeablePermission(webStore);
    for (const client of [webStore, webStoreV2]) {
      const got = await client.getChargePermission(id);
      expect(got.status).toBe(200);
      expect(Object.keys(got.data)).toEqual(expect.arrayContaining(PERMISSION_KEYS));
    }
    const updated = await webStore.updateChargePermission(id, metadata, keyHeaders());
    expect(updated).toMatchObject({ status: 200, data: metadata });
    const closed = await webStore.closeChargePermission(id, {
      closureReason: "All actions completed",
      cancelPendingCharges: false,
    });
    expect(closed).toMatchObject({ status: 200, data: { statusDetails: { state: "Closed" } } });
    await expectSdkError(
      webStore.createCharge({ chargePermissionId: id, chargeAmount: USD("1.00") }, keyHeaders()),
      422,
      "InvalidChargePermissionStatus",
    );
    await expectSdkError(webStore.updateChargePermission(id, metadata), 422, "ChargePermissionNotModifiable");
  });

  it("creates (201), gets, captures and cancels charges, and refunds (201) a captured one", async () => {
    const permissionId = await chargeablePermission(webStore);
    const created = await webStore.createCharge(
      {
        chargePermissionId: permissionId,
        chargeAmount: USD("10.00"),
        captureNow: false,
        canHandlePendingAuthorization: false,
      },
      keyHeaders(),
    );
    expect(created.status).toBe(201);
    expect(Object.keys(created.data)).toEqual(expect.arrayContaining(CHARGE_KEYS));
    const chargeId = String(created.data.chargeId);
    expect((await webStoreV2.getCharge(chargeId)).data.statusDetails).toMatchObject({ state: "Authorized" });
    const captured = await webStore.captureCharge(
      chargeId,
      { captureAmount: USD("10.00"), softDescriptor: "AMZN" },
      keyHeaders(),
    );
    expect(captured).toMatchObject({ status: 200, data: { statusDetails: { state: "Captured" } } });
    await expectSdkError(
      webStore.cancelCharge(chargeId, { cancellationReason: "too late" }),
      422,
      "InvalidChargeStatus",
    );
    const refund = await webStore.createRefund(
      { chargeId, refundAmount: USD("0.01"), softDescriptor: "SOFT_DESCRIPTOR" },
      keyHeaders(),
    );
    expect(refund.status).toBe(201);
    expect(Object.keys(refund.data)).toEqual(REFUND_KEYS);
    const got = await webStore.getRefund(String(refund.data.refundId));
    expect(got).toMatchObject({ status: 200, data: { statusDetails: { state: "RefundInitiated" } } });
    const second = await webStore.createCharge(
      { chargePermissionId: permissionId, chargeAmount: USD("5.00") },
      keyHeaders(),
    );
    const canceled = await webStore.cancelCharge(String(second.data.chargeId), {
      cancellationReason: "Cancelling Charge Test",
    });
    expect(canceled).toMatchObject({
      status: 200,
      data: { statusDetails: { state: "Canceled", reasonCode: "MerchantCanceled" } },
    });
    await expectSdkError(
      webStore.createCharge({ chargePermissionId: permissionId, chargeAmount: USD("100.00") }, keyHeaders()),
      422,
      "TransactionAmountExceeded",
    );
  });

  it("gets the buyer behind a sign-in token, and creates a delivery tracker", async () => {
    const payloadJSON = JSON.stringify({
      signInReturnUrl: "https://shop.example/account",
      storeId: merchant.record.storeId,
      signInScopes: ["name", "email"],
    });
    const signature = webStore.generateButtonSignature(payloadJSON);
    const started = await postForm(emulator, "/checkout/start", {
      payloadJSON,
      signature,
      publicKeyId: merchant.publicKeyId,
      productType: "SignIn",
    });
    const signInId = new URL(started.headers.get("location")!, emulator.url).searchParams.get("signInId")!;
    const back = await postForm(emulator, "/signin", { signInId, buyerId: BUYERS.ava });
    const token = new URL(back.headers.get("location")!).searchParams.get("buyerToken")!;
    const buyer = await webStore.getBuyer(token, keyHeaders());
    expect(buyer.status).toBe(200);
    expect(String(buyer.data.buyerId).startsWith("amzn1.account.")).toBe(true);
    const permissionId = await chargeablePermission(webStore);
    const tracker = await webStore.deliveryTrackers({
      chargePermissionId: permissionId,
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    });
    expect(tracker).toMatchObject({ status: 200, data: { chargePermissionId: permissionId } });
  });

  it("verifies the emulator's certificate: an agent that trusts another one cannot connect", async () => {
    const undo = routeSdkTo(emulator.tlsPort!, amazonHostCertificate().cert);
    try {
      const failure = await webStore.getCharge("S01-0000000-0000000-C000000").then(
        () => null,
        (error: { code?: string; response?: unknown }) => error,
      );
      expect(failure?.response).toBeUndefined();
      expect(failure?.code).toMatch(/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/);
    } finally {
      undo();
    }
  });
});
