// The API at the HTTP level: idempotency keys.
import { describe, expect, it } from "vitest";
import { addMerchant, call } from "../helpers";

import { emulator, merchant, createBody, create, setUpApi } from "./harness";

setUpApi();

describe("idempotency over HTTP", () => {
  it("requires a key on Create Checkout Session, Create Charge, Capture and Create Refund", async () => {
    for (const path of ["/v2/checkoutSessions", "/v2/charges", "/v2/charges/x/capture", "/v2/refunds"]) {
      const result = await call(emulator, merchant, { method: "POST", path, body: {}, idempotencyKey: null });
      expect(result, path).toMatchObject({ status: 400, body: { reasonCode: "MissingHeader" } });
      expect(String(result.body.message)).toContain("x-amz-pay-idempotency-key");
    }
  });

  it("refuses malformed keys", async () => {
    expect((await create({}, "has spaces in it")).body.reasonCode).toBe("InvalidHeaderValue");
    expect((await create({}, "x".repeat(33))).body.reasonCode).toBe("InvalidHeaderValue");
  });

  it("returns the saved response for the same key and request, and refuses a different request", async () => {
    const first = await create({}, "order-1-create");
    const again = await create({}, "order-1-create");
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
    const different = await create({ merchantMetadata: { merchantReferenceId: "other" } }, "order-1-create");
    expect(different).toMatchObject({ status: 400, body: { reasonCode: "DuplicateIdempotencyKey" } });
  });

  it("saves 4xx answers too (configurable), so a replay is answered the same", async () => {
    const bad = await create({ paymentDetails: { paymentIntent: "Sell" } }, "bad-request-key");
    const again = await create({ paymentDetails: { paymentIntent: "Sell" } }, "bad-request-key");
    expect(again).toMatchObject({ status: 400, body: bad.body });
  });

  it("processes concurrent requests with the same key once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create({}, "concurrent-key")));
    expect(new Set(results.map((r) => r.body.checkoutSessionId)).size).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
  });

  it("accepts a key reused for another operation or another object, as Amazon does", async () => {
    const first = await create({}, "shared-across-operations");
    expect(first.status).toBe(201);
    const id = String(first.body.checkoutSessionId);
    const second = await create({}, "other-key");
    for (const sessionId of [id, String(second.body.checkoutSessionId)]) {
      const complete = await call(emulator, merchant, {
        method: "POST",
        path: `/v2/checkoutSessions/${sessionId}/complete`,
        body: { chargeAmount: { amount: "1.00", currencyCode: "USD" } },
        idempotencyKey: "shared-across-operations",
      });
      expect(complete).toMatchObject({ status: 422, body: { reasonCode: "InvalidCheckoutSessionStatus" } });
    }
    // The same operation on the same target with another body is still refused.
    const again = await call(emulator, merchant, {
      method: "POST",
      path: `/v2/checkoutSessions/${id}/complete`,
      body: { chargeAmount: { amount: "2.00", currencyCode: "USD" } },
      idempotencyKey: "shared-across-operations",
    });
    expect(again).toMatchObject({ status: 400, body: { reasonCode: "DuplicateIdempotencyKey" } });
  });

  it("scopes keys per merchant only when configured so", async () => {
    emulator.emulator.updateConfig({ idempotencyScope: "merchant" });
    try {
      const { body } = await create({}, "merchant-wide-key");
      const complete = await call(emulator, merchant, {
        method: "POST",
        path: `/v2/checkoutSessions/${String(body.checkoutSessionId)}/complete`,
        body: { chargeAmount: { amount: "1.00", currencyCode: "USD" } },
        idempotencyKey: "merchant-wide-key",
      });
      expect(complete).toMatchObject({ status: 400, body: { reasonCode: "DuplicateIdempotencyKey" } });
    } finally {
      emulator.emulator.updateConfig({ idempotencyScope: "target" });
    }
  });

  it("treats null members like absent ones when comparing requests", async () => {
    const first = await create({ merchantMetadata: { merchantReferenceId: "A-1" } }, "null-key");
    const again = await create(
      { merchantMetadata: { merchantReferenceId: "A-1", noteToBuyer: null } },
      "null-key",
    );
    expect(again).toMatchObject({ status: 201, body: first.body });
  });

  it("scopes keys per merchant", async () => {
    const other = addMerchant(emulator, { keyIndex: 1 });
    await create({}, "shared-key");
    const theirs = await call(emulator, other, {
      method: "POST",
      path: "/v2/checkoutSessions",
      body: createBody(other),
      idempotencyKey: "shared-key",
    });
    expect(theirs.status).toBe(201);
  });
});
