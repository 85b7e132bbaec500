// The API at the HTTP level: `null` sent for a member is treated as the member not sent.
import { describe, expect, it } from "vitest";
import { call } from "../helpers";
import { create, createBody, emulator, merchant, setUpApi } from "./harness";

setUpApi();

describe("null members", () => {
  it("accepts null for every optional member, at any depth", async () => {
    const created = await create({
      scopes: null,
      paymentDetails: { paymentIntent: "Authorize", chargeAmount: null, presentmentCurrency: null },
      merchantMetadata: { merchantReferenceId: "A-1", noteToBuyer: null },
      platformId: null,
      deliverySpecifications: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      paymentDetails: { paymentIntent: "Authorize", chargeAmount: null },
      merchantMetadata: { merchantReferenceId: "A-1", noteToBuyer: null },
    });
    const id = String(created.body.checkoutSessionId);
    const updated = await call(emulator, merchant, {
      method: "PATCH",
      path: `/v2/checkoutSessions/${id}`,
      body: { webCheckoutDetails: { checkoutResultReturnUrl: null }, merchantMetadata: null },
    });
    expect(updated.status).toBe(200);
  });

  it("answers a required member sent as null as missing", async () => {
    const created = await call(emulator, merchant, {
      method: "POST",
      path: "/v2/checkoutSessions",
      body: { ...createBody(), storeId: null },
    });
    expect(created).toMatchObject({ status: 400, body: { reasonCode: "MissingParameterValue" } });
    expect(String(created.body.message)).toContain("[storeId]");
  });
});
