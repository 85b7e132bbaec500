// The standard checkout through the hosted pages for every emulator instrument and payment intent.
import { describe, expect, it } from "vitest";
import { eventually, postForm } from "../helpers";

import { emulator, type Intent, throughProcessing, complete, get, setUpHostedFlows } from "./harness";

setUpHostedFlows();

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
