import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AmazonPayClient, type AmazonPayResult } from "./client";
import { AmazonPayError } from "./errors";
import { idempotencyKeyFor } from "./idempotency";
import { parseAmzDate, verifyButtonPayload } from "./signing";
import {
  sendJson,
  startCaptureServer,
  verifyCapturedSignature,
  type CaptureServer,
  type CapturedRequest,
} from "./test-fixtures/capture-server";
import { rsaKeyPair, TEST_STORE_ID } from "./test-fixtures/keys";
import {
  buyerResponse,
  chargePermissionResponse,
  chargeResponse,
  checkoutSessionResponse,
  completedCheckoutSessionResponse,
  deliveryTrackerResponse,
  refundResponse,
  CHARGE_ID,
  CHARGE_PERMISSION_ID,
  CHECKOUT_SESSION_ID,
  REFUND_ID,
} from "./test-fixtures/responses";
import { testClient } from "./test-fixtures/test-client";

type Reply = (request: CapturedRequest) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};
let reply: Reply = () => ({ status: 200, body: {} });
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer((request, response) => {
    const { status, body, headers } = reply(request);
    sendJson(response, status, body, { "x-amz-pay-request-id": "amzn-request-1", ...headers });
  });
});
afterAll(() => server.close());

const lastRequest = () => {
  const request = server.requests.at(-1);
  if (!request) throw new Error("no request was made");
  return request;
};

interface OperationCase {
  name: string;
  call: (client: AmazonPayClient) => Promise<AmazonPayResult<unknown>>;
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: () => unknown;
  idempotencyKey?: string;
}

const usd = (amount: string) => ({ amount, currencyCode: "USD" });
const operations: OperationCase[] = [
  {
    name: "checkoutSessions.create",
    method: "POST",
    path: "/v2/checkoutSessions",
    status: 201,
    response: checkoutSessionResponse,
    idempotencyKey: "create-key-1",
    call: (c) =>
      c.checkoutSessions.create(
        {
          webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/merchant-review-page" },
          storeId: TEST_STORE_ID,
        },
        { idempotencyKey: "create-key-1" },
      ),
    body: {
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://a.com/merchant-review-page" },
      storeId: TEST_STORE_ID,
    },
  },
  {
    name: "checkoutSessions.get",
    method: "GET",
    path: `/v2/checkoutSessions/${CHECKOUT_SESSION_ID}`,
    status: 200,
    response: checkoutSessionResponse,
    body: "",
    call: (c) => c.checkoutSessions.get(CHECKOUT_SESSION_ID),
  },
  {
    name: "checkoutSessions.update",
    method: "PATCH",
    path: `/v2/checkoutSessions/${CHECKOUT_SESSION_ID}`,
    status: 200,
    response: checkoutSessionResponse,
    call: (c) =>
      c.checkoutSessions.update(CHECKOUT_SESSION_ID, {
        webCheckoutDetails: { checkoutResultReturnUrl: "https://shop.example/checkout/result" },
        paymentDetails: { paymentIntent: "Authorize", chargeAmount: { amount: 14, currencyCode: "USD" } },
      }),
    body: {
      webCheckoutDetails: { checkoutResultReturnUrl: "https://shop.example/checkout/result" },
      paymentDetails: { paymentIntent: "Authorize", chargeAmount: usd("14.00") },
    },
  },
  {
    name: "checkoutSessions.complete (202 pending)",
    method: "POST",
    path: `/v2/checkoutSessions/${CHECKOUT_SESSION_ID}/complete`,
    status: 202,
    response: completedCheckoutSessionResponse,
    idempotencyKey: idempotencyKeyFor("complete", CHECKOUT_SESSION_ID),
    call: (c) =>
      c.checkoutSessions.complete(
        CHECKOUT_SESSION_ID,
        { chargeAmount: usd("14") },
        { idempotencyKey: idempotencyKeyFor("complete", CHECKOUT_SESSION_ID) },
      ),
    body: { chargeAmount: usd("14.00") },
  },
  {
    name: "checkoutSessions.finalize",
    method: "POST",
    path: `/v2/checkoutSessions/${CHECKOUT_SESSION_ID}/finalize`,
    status: 200,
    response: completedCheckoutSessionResponse,
    idempotencyKey: "finalize-1",
    call: (c) =>
      c.checkoutSessions.finalize(
        CHECKOUT_SESSION_ID,
        { chargeAmount: usd("14.00"), paymentIntent: "AuthorizeWithCapture" },
        { idempotencyKey: "finalize-1" },
      ),
    body: { chargeAmount: usd("14.00"), paymentIntent: "AuthorizeWithCapture" },
  },
  {
    name: "chargePermissions.get",
    method: "GET",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}`,
    status: 200,
    response: chargePermissionResponse,
    body: "",
    call: (c) => c.chargePermissions.get(CHARGE_PERMISSION_ID),
  },
  {
    name: "chargePermissions.update",
    method: "PATCH",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}`,
    status: 200,
    response: chargePermissionResponse,
    call: (c) =>
      c.chargePermissions.update(CHARGE_PERMISSION_ID, {
        merchantMetadata: { merchantReferenceId: "HP-1001" },
      }),
    body: { merchantMetadata: { merchantReferenceId: "HP-1001" } },
  },
  {
    name: "chargePermissions.close",
    method: "DELETE",
    path: `/v2/chargePermissions/${CHARGE_PERMISSION_ID}/close`,
    status: 200,
    response: chargePermissionResponse,
    call: (c) =>
      c.chargePermissions.close(CHARGE_PERMISSION_ID, {
        closureReason: "Order canceled",
        cancelPendingCharges: true,
      }),
    body: { closureReason: "Order canceled", cancelPendingCharges: true },
  },
  {
    name: "charges.create",
    method: "POST",
    path: "/v2/charges",
    status: 201,
    response: chargeResponse,
    idempotencyKey: "charge-1",
    call: (c) =>
      c.charges.create(
        {
          chargePermissionId: CHARGE_PERMISSION_ID,
          chargeAmount: usd("14.00"),
          captureNow: true,
          canHandlePendingAuthorization: false,
        },
        { idempotencyKey: "charge-1" },
      ),
    body: {
      chargePermissionId: CHARGE_PERMISSION_ID,
      chargeAmount: usd("14.00"),
      captureNow: true,
      canHandlePendingAuthorization: false,
    },
  },
  {
    name: "charges.get",
    method: "GET",
    path: `/v2/charges/${CHARGE_ID}`,
    status: 200,
    response: chargeResponse,
    body: "",
    call: (c) => c.charges.get(CHARGE_ID),
  },
  {
    name: "charges.capture",
    method: "POST",
    path: `/v2/charges/${CHARGE_ID}/capture`,
    status: 200,
    response: chargeResponse,
    idempotencyKey: "capture-1",
    call: (c) =>
      c.charges.capture(
        CHARGE_ID,
        { captureAmount: usd("14.00"), softDescriptor: "HARBOR PINE" },
        { idempotencyKey: "capture-1" },
      ),
    body: { captureAmount: usd("14.00"), softDescriptor: "HARBOR PINE" },
  },
  {
    name: "charges.cancel",
    method: "DELETE",
    path: `/v2/charges/${CHARGE_ID}/cancel`,
    status: 200,
    response: chargeResponse,
    call: (c) => c.charges.cancel(CHARGE_ID, { cancellationReason: "Out of stock" }),
    body: { cancellationReason: "Out of stock" },
  },
  {
    name: "refunds.create",
    method: "POST",
    path: "/v2/refunds",
    status: 201,
    response: refundResponse,
    idempotencyKey: "refund-1",
    call: (c) =>
      c.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("5") }, { idempotencyKey: "refund-1" }),
    body: { chargeId: CHARGE_ID, refundAmount: usd("5.00") },
  },
  {
    name: "refunds.get",
    method: "GET",
    path: `/v2/refunds/${REFUND_ID}`,
    status: 200,
    response: refundResponse,
    body: "",
    call: (c) => c.refunds.get(REFUND_ID),
  },
  {
    name: "deliveryTrackers.create",
    method: "POST",
    path: "/v2/deliveryTrackers",
    status: 200,
    response: deliveryTrackerResponse,
    idempotencyKey: "tracker-1",
    call: (c) =>
      c.deliveryTrackers.create(
        {
          chargePermissionId: "P21-1111111-1111111",
          deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
        },
        { idempotencyKey: "tracker-1" },
      ),
    body: {
      chargePermissionId: "P21-1111111-1111111",
      deliveryDetails: [{ trackingNumber: "1Z999AA10123456784", carrierCode: "UPS" }],
    },
  },
  {
    name: "buyers.get",
    method: "GET",
    path: "/v2/buyers/BUYER-TOKEN-1",
    status: 200,
    response: buyerResponse,
    body: "",
    call: (c) => c.buyers.get("BUYER-TOKEN-1"),
  },
];

describe("every operation sends the right request, signed", () => {
  for (const algorithm of ["AMZN-PAY-RSASSA-PSS-V2", "AMZN-PAY-RSASSA-PSS"] as const) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, async () => {
        const { client, keys } = testClient(server.url, { algorithm });
        reply = () => ({ status: operation.status, body: operation.response() });
        const result = await operation.call(client);
        const request = lastRequest();

        expect(request.method).toBe(operation.method);
        expect(request.url).toBe(operation.path);
        expect(request.body === "" ? "" : JSON.parse(request.body)).toEqual(operation.body);
        expect(request.headers).toMatchObject({
          accept: "application/json",
          "content-type": "application/json",
          "x-amz-pay-host": new URL(server.url).host,
          "x-amz-pay-region": "na",
        });
        expect(parseAmzDate(request.headers["x-amz-pay-date"] ?? "")).not.toBeNull();
        expect(request.headers["x-amz-pay-idempotency-key"]).toBe(operation.idempotencyKey);

        const { valid, authorization } = verifyCapturedSignature(request, keys.publicKey);
        expect(valid).toBe(true);
        expect(authorization).toMatchObject({ algorithm, publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B" });
        expect(authorization?.signedHeaders).toEqual([
          "accept",
          "content-type",
          "x-amz-pay-date",
          "x-amz-pay-host",
          ...(operation.idempotencyKey ? ["x-amz-pay-idempotency-key"] : []),
          "x-amz-pay-region",
        ]);

        expect(result).toMatchObject({
          status: operation.status,
          requestId: "amzn-request-1",
          idempotencyKey: operation.idempotencyKey ?? null,
          attempts: 1,
        });
        expect(result.data).toMatchObject(JSON.parse(JSON.stringify(operation.response())) as object);
      });
    }
  }
});

describe("the test's server-side verifier", () => {
  it("rejects a request whose body, signed header or key changed after signing", async () => {
    const { client, keys } = testClient(server.url);
    reply = () => ({ status: 201, body: refundResponse() });
    await client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") });
    const request = lastRequest();
    expect(verifyCapturedSignature(request, keys.publicKey).valid).toBe(true);
    expect(
      verifyCapturedSignature({ ...request, body: request.body.replace("1.00", "9.00") }, keys.publicKey)
        .valid,
    ).toBe(false);
    expect(
      verifyCapturedSignature(
        { ...request, headers: { ...request.headers, "x-amz-pay-region": "eu" } },
        keys.publicKey,
      ).valid,
    ).toBe(false);
    expect(verifyCapturedSignature(request, rsaKeyPair(1024).publicKey).valid).toBe(false);
  });
});

describe("addressing and environment", () => {
  it("legacy keys put /sandbox or /live before /v2, and the signature covers that path", async () => {
    for (const [sandbox, prefix] of [
      [true, "/sandbox"],
      [false, "/live"],
    ] as const) {
      const { client, keys } = testClient(server.url, {
        publicKeyId: "AFVX7ULWSGBZ5535PCUQOY7B",
        sandbox,
        region: "de",
      });
      reply = () => ({ status: 200, body: chargeResponse() });
      await client.charges.get(CHARGE_ID);
      expect(lastRequest().url).toBe(`${prefix}/v2/charges/${CHARGE_ID}`);
      expect(lastRequest().headers["x-amz-pay-region"]).toBe("eu");
      expect(verifyCapturedSignature(lastRequest(), keys.publicKey).valid).toBe(true);
      expect(client.environment.apiBaseUrl).toBe(`${server.url}${prefix}`);
    }
  });

  it("exposes the environment without the key", () => {
    const { client } = testClient(server.url, { region: "jp" });
    expect(client.environment).toEqual({
      region: "jp",
      sandbox: true,
      merchantId: "A2K7NDRMCETORT",
      storeId: TEST_STORE_ID,
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      algorithm: "AMZN-PAY-RSASSA-PSS-V2",
      apiBaseUrl: server.url,
      checkoutJsUrl: "https://static-fe.payments-amazon.com/checkout.js",
    });
  });

  it("encodes ids into a single path segment", async () => {
    const { client } = testClient(server.url);
    reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.get("a/b c");
    expect(lastRequest().url).toBe("/v2/charges/a%2Fb%20c");
    await expect(client.charges.get(" ")).rejects.toMatchObject({
      kind: "invalid-request",
      issues: ["chargeId: must be a non-empty id"],
    });
  });
});

describe("per-call options", () => {
  it("sends the simulation code signed by default, or unsigned when asked", async () => {
    const { client, keys } = testClient(server.url);
    reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.capture(
      CHARGE_ID,
      { captureAmount: usd("1.00") },
      { simulationCode: "CaptureInitiated" },
    );
    let verified = verifyCapturedSignature(lastRequest(), keys.publicKey);
    expect(lastRequest().headers["x-amz-pay-simulation-code"]).toBe("CaptureInitiated");
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).toContain("x-amz-pay-simulation-code");

    await client.charges.capture(
      CHARGE_ID,
      { captureAmount: usd("1.00") },
      { simulationCode: "AmazonRejected", signSimulationCode: false },
    );
    verified = verifyCapturedSignature(lastRequest(), keys.publicKey);
    expect(lastRequest().headers["x-amz-pay-simulation-code"]).toBe("AmazonRejected");
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).not.toContain("x-amz-pay-simulation-code");
  });

  it("refuses a simulation code outside the sandbox, before sending", async () => {
    const { client } = testClient(server.url, {
      publicKeyId: "LIVE-AFVX7ULWSGBZ5535PCUQOY7B",
      sandbox: false,
    });
    const before = server.requests.length;
    await expect(client.charges.get(CHARGE_ID, { simulationCode: "HardDeclined" })).rejects.toThrow(
      /only valid in the sandbox/,
    );
    expect(server.requests.length).toBe(before);
  });

  it("signs extra headers and refuses reserved or malformed ones", async () => {
    const { client, keys } = testClient(server.url);
    reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.get(CHARGE_ID, { headers: { "X-Amz-Pay-AuthToken": "token-1" } });
    const verified = verifyCapturedSignature(lastRequest(), keys.publicKey);
    expect(verified.valid).toBe(true);
    expect(verified.authorization?.signedHeaders).toContain("x-amz-pay-authtoken");
    await expect(client.charges.get(CHARGE_ID, { headers: { "x-amz-pay-date": "x" } })).rejects.toThrow(
      /set by the client/,
    );
    await expect(client.charges.get(CHARGE_ID, { headers: { "bad header": "x" } })).rejects.toThrow(
      /invalid header name/,
    );
    await expect(client.charges.get(CHARGE_ID, { headers: { "x-ok": "a\r\nb" } })).rejects.toThrow(
      /line break/,
    );
  });

  it("generates a valid key for POSTs without one and never sends one on other methods", async () => {
    const { client } = testClient(server.url);
    reply = () => ({ status: 201, body: refundResponse() });
    const result = await client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") });
    expect(result.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(lastRequest().headers["x-amz-pay-idempotency-key"]).toBe(result.idempotencyKey);
    reply = () => ({ status: 200, body: chargeResponse() });
    await client.charges.cancel(CHARGE_ID, {});
    expect(lastRequest().headers["x-amz-pay-idempotency-key"]).toBeUndefined();
  });

  it("refuses an invalid idempotency key and an invalid body before sending", async () => {
    const { client } = testClient(server.url);
    const before = server.requests.length;
    const badKey = client.charges.create(
      { chargePermissionId: CHARGE_PERMISSION_ID, chargeAmount: usd("1.00") },
      { idempotencyKey: "has spaces and is far too long for amazon" },
    );
    await expect(badKey).rejects.toMatchObject({
      kind: "invalid-request",
      operation: "createCharge",
      attempts: 0,
    });
    const badBody = client.charges.capture(CHARGE_ID, {
      captureAmount: { amount: "1.005", currencyCode: "USD" },
    });
    await expect(badBody).rejects.toMatchObject({
      kind: "invalid-request",
      operation: "captureCharge",
      issues: [expect.stringMatching(/^captureAmount\.amount: USD amounts have at most 2 decimal places/)],
    });
    expect(server.requests.length).toBe(before);
  });

  it("honours an already aborted signal without sending", async () => {
    const { client } = testClient(server.url);
    const before = server.requests.length;
    await expect(client.charges.get(CHARGE_ID, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: "aborted",
      attempts: 0,
    });
    expect(server.requests.length).toBe(before);
  });
});

describe("responses", () => {
  it("maps an error body to a typed AmazonPayError", async () => {
    const { client } = testClient(server.url);
    reply = () => ({
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
    const { client } = testClient(server.url);
    reply = () => ({ status: 200, body: { ...chargeResponse(), statusDetails: { state: 7 } } });
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
    reply = () => ({ status: 201, body: { ...refundResponse(), refundId: undefined } });
    await expect(
      client.refunds.create({ chargeId: CHARGE_ID, refundAmount: usd("1.00") }),
    ).rejects.toMatchObject({
      kind: "contract",
      operation: "createRefund",
      issues: [expect.stringMatching(/^refundId: /)],
    });
    reply = () => ({ status: 200, body: "<html>gateway</html>" });
    await expect(client.buyers.get("T")).rejects.toMatchObject({
      kind: "contract",
      operation: "getBuyer",
      message: expect.stringMatching(/response is not JSON: <html>gateway<\/html>/) as unknown,
    });
  });

  it("treats a redirect as a final error instead of following it with a signed request", async () => {
    const { client } = testClient(server.url);
    reply = () => ({ status: 302, body: "", headers: { location: "https://elsewhere.example/" } });
    await expect(client.charges.get(CHARGE_ID)).rejects.toMatchObject({
      kind: "api",
      status: 302,
      retryable: false,
      message: expect.stringMatching(/unexpected redirect/) as unknown,
    });
  });
});

describe("button payloads", () => {
  it("validates, serializes once and signs the exact payloadJSON", () => {
    const { client, keys } = testClient(server.url, { algorithm: "AMZN-PAY-RSASSA-PSS" });
    const config = client.checkoutButtonConfig({
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://shop.example/checkout/review" },
      storeId: TEST_STORE_ID,
      scopes: ["name", "email"],
      paymentDetails: { estimateOrderTotal: { amount: 14, currencyCode: "USD" } },
    });
    expect(JSON.parse(config.payloadJSON)).toEqual({
      webCheckoutDetails: { checkoutReviewReturnUrl: "https://shop.example/checkout/review" },
      storeId: TEST_STORE_ID,
      scopes: ["name", "email"],
      paymentDetails: { estimateOrderTotal: usd("14.00") },
    });
    expect(config).toMatchObject({
      publicKeyId: "SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B",
      algorithm: "AMZN-PAY-RSASSA-PSS",
    });
    expect(
      verifyButtonPayload(config.payloadJSON, config.signature, keys.publicKey, "AMZN-PAY-RSASSA-PSS"),
    ).toBe(true);
    expect(() => client.checkoutButtonConfig({ webCheckoutDetails: {}, storeId: TEST_STORE_ID })).toThrow(
      /checkoutReviewReturnUrl: is required/,
    );
  });

  it("signs a raw payload string as given", () => {
    const { client, keys } = testClient(server.url);
    const payloadJSON = `{"signInReturnUrl":"https://shop.example/signin","storeId":"${TEST_STORE_ID}","signInScopes":["name","email"]}`;
    const config = client.signButtonPayload(payloadJSON);
    expect(config.payloadJSON).toBe(payloadJSON);
    expect(verifyButtonPayload(payloadJSON, config.signature, keys.publicKey, "AMZN-PAY-RSASSA-PSS-V2")).toBe(
      true,
    );
  });
});
