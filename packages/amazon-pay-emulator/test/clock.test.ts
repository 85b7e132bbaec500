// Time on the movable emulator clock: session expiry and deletion, authorization expiry,
// asynchronous captures after 7 days, charge permission expiry, async settlement.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import {
  addMerchant,
  call,
  chooseOnHostedPage,
  clickButton,
  RESULT_URL,
  REVIEW_URL,
  emulatorJson,
  startTestEmulator,
  visit,
  type TestMerchant,
} from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator({ config: { asyncDelayMs: 30_000 } });
  merchant = addMerchant(emulator);
});
beforeEach(() => emulator.emulator.reset());
afterAll(() => emulator.close());

const DAY = 86_400;
const USD = (amount: string) => ({ amount, currencyCode: "USD" });
const advance = (seconds: number) =>
  emulatorJson<{ now: string; offsetMs: number }>(emulator, "/__emulator/clock", {
    body: { advanceSeconds: seconds },
  });
const get = (path: string) => call(emulator, merchant, { method: "GET", path });
const state = (body: Record<string, unknown>) =>
  body.statusDetails as { state: string; reasonCode?: string | null; reasons?: unknown };

async function checkout(
  paymentIntent: string,
  paymentMethodId = "visa-1111",
  canHandlePendingAuthorization = false,
): Promise<Record<string, unknown>> {
  const id = await clickButton(emulator, merchant, {
    webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
    storeId: merchant.record.storeId,
  });
  await chooseOnHostedPage(emulator, id, { paymentMethodId });
  await call(emulator, merchant, {
    method: "PATCH",
    path: `/v2/checkoutSessions/${id}`,
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
      paymentDetails: { paymentIntent, canHandlePendingAuthorization, chargeAmount: USD("30.00") },
    },
  });
  await visit(`${emulator.url}/checkout/processing?amazonCheckoutSessionId=${id}`);
  return (
    await call(emulator, merchant, {
      method: "POST",
      path: `/v2/checkoutSessions/${id}/complete`,
      body: { chargeAmount: USD("30.00") },
    })
  ).body;
}

describe("the emulator clock", () => {
  it("reports, advances and sets the clock, and refuses to go back", async () => {
    const before = await emulatorJson<{ now: string; offsetMs: number }>(emulator, "/__emulator/clock");
    expect(before.body.offsetMs).toBe(0);
    const moved = await advance(3600);
    expect(moved.body.offsetMs).toBeGreaterThanOrEqual(3_600_000);
    const target = new Date(Date.parse(moved.body.now) + 2 * DAY * 1000).toISOString();
    expect(
      Date.parse(
        (await emulatorJson<{ now: string }>(emulator, "/__emulator/clock", { body: { now: target } })).body
          .now,
      ),
    ).toBeGreaterThanOrEqual(Date.parse(target));
    expect(
      (await emulatorJson(emulator, "/__emulator/clock", { body: { now: "2020-01-01T00:00:00Z" } })).body
        .reasonCode,
    ).toBe("InvalidParameterValue");
    expect((await emulatorJson(emulator, "/__emulator/clock", { body: { advanceSeconds: -1 } })).status).toBe(
      400,
    );
  });

  it("keeps checking x-amz-pay-date against the real clock", async () => {
    await advance(10 * DAY);
    expect(
      (
        await call(emulator, merchant, {
          method: "POST",
          path: "/v2/checkoutSessions",
          body: {
            webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
            storeId: merchant.record.storeId,
          },
        })
      ).status,
    ).toBe(201);
  });

  it("expires an Open session 24 hours after creation, then deletes it after 30 days", async () => {
    const id = await clickButton(emulator, merchant, {
      webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
      storeId: merchant.record.storeId,
    });
    await advance(DAY - 60);
    expect(state((await get(`/v2/checkoutSessions/${id}`)).body).state).toBe("Open");
    await advance(61);
    const expired = (await get(`/v2/checkoutSessions/${id}`)).body;
    expect(state(expired)).toMatchObject({ state: "Canceled", reasonCode: "Expired" });
    const complete = await call(emulator, merchant, {
      method: "POST",
      path: `/v2/checkoutSessions/${id}/complete`,
      body: { chargeAmount: USD("1.00") },
    });
    expect(complete).toMatchObject({ status: 422, body: { reasonCode: "InvalidCheckoutSessionStatus" } });
    const page = await fetch(`${emulator.url}/checkout?amazonCheckoutSessionId=${id}`);
    expect(page.status).toBe(422);
    await advance(30 * DAY);
    expect((await get(`/v2/checkoutSessions/${id}`)).status).toBe(404);
  });

  it("settles a pending authorization when the clock passes the async delay", async () => {
    const done = await checkout("Authorize", "visa-0701", true);
    const path = `/v2/charges/${String(done.chargeId)}`;
    expect(state((await get(path)).body).state).toBe("AuthorizationInitiated");
    await advance(29);
    expect(state((await get(path)).body).state).toBe("AuthorizationInitiated");
    await advance(2);
    expect(state((await get(path)).body).state).toBe("Authorized");
  });

  it("expires an unused authorization after 30 days (Canceled/ExpiredUnused)", async () => {
    const done = await checkout("Authorize");
    const path = `/v2/charges/${String(done.chargeId)}`;
    expect((await get(path)).body.expirationTimestamp).toBeTruthy();
    await advance(30 * DAY + 1);
    expect(state((await get(path)).body)).toMatchObject({ state: "Canceled", reasonCode: "ExpiredUnused" });
    const capture = await call(emulator, merchant, {
      method: "POST",
      path: `${path}/capture`,
      body: { captureAmount: USD("30.00") },
    });
    expect(capture).toMatchObject({ status: 422, body: { reasonCode: "InvalidChargeStatus" } });
  });

  it("captures asynchronously more than 7 days after authorization", async () => {
    const done = await checkout("Authorize");
    const path = `/v2/charges/${String(done.chargeId)}`;
    await advance(8 * DAY);
    const capture = await call(emulator, merchant, {
      method: "POST",
      path: `${path}/capture`,
      body: { captureAmount: USD("30.00") },
    });
    expect(capture.status).toBe(200);
    expect(state(capture.body).state).toBe("CaptureInitiated");
    await advance(31);
    expect(state((await get(path)).body).state).toBe("Captured");
  });

  it("closes a OneTime charge permission after 180 days (Closed/Expired)", async () => {
    const done = await checkout("Confirm");
    const path = `/v2/chargePermissions/${String(done.chargePermissionId)}`;
    await advance(179 * DAY);
    expect(state((await get(path)).body).state).toBe("Chargeable");
    await advance(DAY + 1);
    expect(state((await get(path)).body)).toMatchObject({
      state: "Closed",
      reasons: [{ reasonCode: "Expired" }],
    });
    const charge = await call(emulator, merchant, {
      method: "POST",
      path: "/v2/charges",
      body: { chargePermissionId: done.chargePermissionId, chargeAmount: USD("1.00") },
    });
    expect(charge).toMatchObject({ status: 422, body: { reasonCode: "InvalidChargePermissionStatus" } });
  });

  it("settles refunds after the async delay", async () => {
    const done = await checkout("AuthorizeWithCapture");
    const refund = await call(emulator, merchant, {
      method: "POST",
      path: "/v2/refunds",
      body: { chargeId: done.chargeId, refundAmount: USD("10.00") },
    });
    await advance(31);
    expect(state((await get(`/v2/refunds/${String(refund.body.refundId)}`)).body).state).toBe("Refunded");
    expect((await get(`/v2/charges/${String(done.chargeId)}`)).body.refundedAmount).toEqual(USD("10.00"));
  });

  it("resets the clock with the emulator", async () => {
    await advance(DAY);
    await emulatorJson(emulator, "/__emulator/reset", { body: {} });
    expect((await emulatorJson<{ offsetMs: number }>(emulator, "/__emulator/clock")).body.offsetMs).toBe(0);
  });
});
