// What Complete Checkout Session requires after the hosted pages: the redirect, matching amounts,
// a single Complete, and simulation codes.
import { describe, expect, it } from "vitest";
import { call, chooseOnHostedPage, clickButton, RESULT_URL, visit } from "../helpers";

import { emulator, merchant, USD, payload, complete, get, setUpHostedFlows } from "./harness";

setUpHostedFlows();

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
