// Fault injection: 429/5xx, slow responses, dropped connections before and after processing,
// per-operation faults, base latency.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index";
import { addMerchant, call, REVIEW_URL, emulatorJson, startTestEmulator, type TestMerchant } from "./helpers";

let emulator: RunningEmulator;
let merchant: TestMerchant;

beforeAll(async () => {
  emulator = await startTestEmulator();
  merchant = addMerchant(emulator);
});
beforeEach(() => {
  emulator.emulator.reset();
  emulator.emulator.updateConfig({ latencyMs: 0 });
});
afterAll(() => emulator.close());

const create = (key?: string) =>
  call(emulator, merchant, {
    method: "POST",
    path: "/v2/checkoutSessions",
    body: { webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL }, storeId: merchant.record.storeId },
    idempotencyKey: key,
  });
const inject = (spec: unknown) => emulatorJson(emulator, "/__emulator/faults", { body: spec });

describe("fault injection", () => {
  it("answers the next N calls with the injected status, then recovers", async () => {
    expect((await inject({ fault: "status", status: 503, count: 2 })).status).toBe(201);
    const first = await create();
    expect(first).toMatchObject({ status: 503, body: { reasonCode: "ServiceUnavailable" } });
    expect(first.headers.get("x-amz-pay-request-id")).toBeTruthy();
    expect((await create()).status).toBe(503);
    expect((await create()).status).toBe(201);
  });

  it("throttles with 429 TooManyRequests and 500 InternalServerError", async () => {
    await inject([
      { fault: "status", status: 429 },
      { fault: "status", status: 500 },
    ]);
    expect((await create()).body.reasonCode).toBe("TooManyRequests");
    expect((await create()).body.reasonCode).toBe("InternalServerError");
  });

  it("limits a fault to one operation", async () => {
    await inject({ fault: "status", status: 500, operation: "getCheckoutSession" });
    const created = await create();
    expect(created.status).toBe(201);
    const path = `/v2/checkoutSessions/${String(created.body.checkoutSessionId)}`;
    expect((await call(emulator, merchant, { method: "GET", path })).status).toBe(500);
    expect((await call(emulator, merchant, { method: "GET", path })).status).toBe(200);
  });

  it("does not save 5xx answers under the idempotency key", async () => {
    await inject({ fault: "status", status: 503 });
    expect((await create("retry-after-503")).status).toBe(503);
    expect((await create("retry-after-503")).status).toBe(201);
  });

  it("slows responses down", async () => {
    await inject({ fault: "delay", delayMs: 150 });
    const started = performance.now();
    expect((await create()).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drops the connection before processing: nothing is created", async () => {
    await inject({ fault: "dropBeforeProcessing" });
    await expect(create("dropped-before")).rejects.toThrow();
    expect(emulator.emulator.store.checkoutSessions.size).toBe(0);
    expect((await create("dropped-before")).status).toBe(201);
  });

  it("processes, then drops the response: a retry with the same key gets the saved response", async () => {
    await inject({ fault: "dropAfterProcessing", operation: "createCheckoutSession" });
    await expect(create("dropped-after")).rejects.toThrow();
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
    const retry = await create("dropped-after");
    expect(retry.status).toBe(201);
    expect(retry.body.checkoutSessionId).toBe([...emulator.emulator.store.checkoutSessions.keys()][0]);
    expect(emulator.emulator.store.checkoutSessions.size).toBe(1);
  });

  it("lists and clears faults", async () => {
    await inject({ fault: "status", status: 502, count: 5 });
    expect(
      (await emulatorJson<{ faults: { remaining: number }[] }>(emulator, "/__emulator/faults")).body.faults,
    ).toEqual([expect.objectContaining({ remaining: 5 })]);
    expect((await emulatorJson(emulator, "/__emulator/faults", { method: "DELETE" })).body).toEqual({
      faults: [],
    });
    expect((await create()).status).toBe(201);
  });

  it("refuses malformed fault specs", async () => {
    expect((await inject({ fault: "status", status: 404 })).status).toBe(400);
    expect((await inject({ fault: "explode" })).status).toBe(400);
    expect((await inject({ fault: "status", status: 500, operation: "nope" })).status).toBe(400);
  });

  it("adds the configured base latency to API calls", async () => {
    await emulatorJson(emulator, "/__emulator/config", { body: { latencyMs: 120 } });
    const started = performance.now();
    await create();
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});
