// How the client maps answers: error bodies, contract breaks, redirects.
import { describe, expect, it } from "vitest";
import { AmazonPayError } from "../errors";
import { captureServerPerFile, usd } from "../test-fixtures/client-harness";
import { chargeResponse, refundResponse, CHARGE_ID, CHECKOUT_SESSION_ID } from "../test-fixtures/responses";
import { testClient } from "../test-fixtures/test-client";

const capture = captureServerPerFile();

describe("responses", () => {
  it("maps an error body to a typed AmazonPayError", async () => {
    const { client } = testClient(capture.server.url);
    capture.reply = () => ({
      status: 422,
      body: { reasonCode: "CheckoutSessionCanceled", message: "The Checkout Session is in Canceled state." },
      headers: { "x-amz-pay-request-id": "req-422" },
    });
    const error = await client.checkoutSessions
      .complete(CHECKOUT_SESSION_ID, { chargeAmount: usd("14.00") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect(error).toMatchObject({
      kind: "api",
      operation: "completeCheckoutSession",
      status: 422,
      reasonCode: "CheckoutSessionCanceled",
      responseMessage: "The Checkout Session is in Canceled state.",
      requestId: "req-422",
      retryable: false,
      attempts: 1,
    });
    expect((error as Error).message).toBe(
      "Amazon Pay completeCheckoutSession: HTTP 422 CheckoutSessionCanceled: The Checkout Session is in Canceled state. (request id req-422)",
    );
  });

  it("raises a contract error naming the operation and the field", async () => {
    const { client } = testClient(capture.server.url);
    capture.reply = () => ({ status: 200, body: { ...chargeResponse(), statusDetails: { state: 7 } } });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "contract",
      operation: "getCharge",
      status: 200,
      retryable: false,
      issues: [expect.stringMatching(/^statusDetails\.state: /)],
      message: expect.stringMatching(
        /^Amazon Pay getCharge: HTTP 200 response breaks the contract: statusDetails\.state: /,
      ) as unknown,
    });
    capture.reply = () => ({ status: 201, body: { ...refundResponse(), refundId: undefined } });
    await expect(
      client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") }),
    ).rejects.toMatchObject({
      kind: "contract",
      operation: "createRefund",
      issues: [expect.stringMatching(/^refundId: /)],
    });
    capture.reply = () => ({ status: 200, body: "<html>gateway</html>" });
    await expect(client.buyers.get("T")).rejects.toMatchObject({
      kind: "contract",
      operation: "getBuyer",
      message: expect.stringMatching(/response is not JSON: <html>gateway<\/html>/) as unknown,
    });
  });

  it("treats a redirect as a final error instead of following it with a signed request", async () => {
    const { client } = testClient(capture.server.url);
    capture.reply = () => ({ status: 302, body: "", headers: { location: "https://elsewhere.example/" } });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "api",
      status: 302,
      retryable: false,
      message: expect.stringMatching(/unexpected redirect/) as unknown,
    });
  });
});
