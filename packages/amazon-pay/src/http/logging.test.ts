// The transport's logging hook: one entry per attempt, redacted, and harmless when it throws.
import { describe, expect, it } from "vitest";
import { REDACTED } from "../redact";
import { sendJson } from "../test-fixtures/capture-server";
import { recordingClient, refundBody, serverPerTest } from "../test-fixtures/recording-client";
import { buyerResponse, refundResponse, CHARGE_ID } from "../test-fixtures/responses";

const serve = serverPerTest();

describe("logging hook", () => {
  it("logs each attempt with operation, status, reasonCode, request id, duration, attempt and key", async () => {
    const s = await serve((_req, res, i) =>
      i === 0
        ? sendJson(res, 429, { reasonCode: "TooManyRequests", message: "" }, { "x-amz-pay-request-id": "r1" })
        : sendJson(res, 201, refundResponse(), { "x-amz-pay-request-id": "r2" }),
    );
    const { client, logs } = recordingClient(s.url);
    await client.refunds.create(refundBody, { idempotencyKey: "log-1" });
    expect(logs).toEqual([
      expect.objectContaining({
        operation: "createRefund",
        method: "POST",
        path: "/v2/refunds",
        attempt: 1,
        outcome: "retrying",
        status: 429,
        reasonCode: "TooManyRequests",
        requestId: "r1",
        idempotencyKey: "log-1",
        errorKind: "api",
        retryInMs: 50,
      }),
      expect.objectContaining({
        operation: "createRefund",
        method: "POST",
        path: "/v2/refunds",
        attempt: 2,
        outcome: "success",
        status: 201,
        reasonCode: null,
        requestId: "r2",
        idempotencyKey: "log-1",
        errorKind: null,
        retryInMs: null,
      }),
    ]);
    expect(logs.every((l) => typeof l.durationMs === "number" && l.durationMs >= 0)).toBe(true);
    expect(logs[0]).not.toHaveProperty("requestBody");
  });

  it("redacts the buyer token in the path and buyer data in logged bodies", async () => {
    const s = await serve((_req, res) => sendJson(res, 200, buyerResponse()));
    const { client, logs } = recordingClient(s.url, { logBodies: true });
    await client.buyers.get("SECRET-BUYER-TOKEN");
    expect(logs[0]?.path).toBe(`/v2/buyers/${REDACTED}`);
    expect(logs[0]?.responseBody).toMatchObject({ buyerId: REDACTED, email: REDACTED, countryCode: "US" });
    expect(JSON.stringify(logs)).not.toMatch(/SECRET-BUYER-TOKEN|testemail|Test Buyer|AMZN-PAY-RSASSA/);
  });

  it("includes the redacted request body with logBodies, and a throwing logger changes nothing", async () => {
    const s = await serve((_req, res) => sendJson(res, 201, refundResponse()));
    const { client, logs } = recordingClient(s.url, { logBodies: true });
    await client.refunds.create(refundBody);
    expect(logs[0]?.requestBody).toEqual({
      chargeId: CHARGE_ID,
      refundAmount: { amount: "1.00", currencyCode: "USD" },
    });
    const throwing = recordingClient(s.url, {
      log: () => {
        throw new Error("logger down");
      },
    });
    await expect(throwing.client.refunds.create(refundBody)).resolves.toMatchObject({ status: 201 });
  });
});
