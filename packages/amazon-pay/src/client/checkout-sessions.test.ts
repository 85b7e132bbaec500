import { describe, it } from "vitest";
import { idempotencyKeyFor } from "../idempotency";
import { SIGNING_ALGORITHMS } from "../signing/algorithms";
import { TEST_STORE_ID } from "../test-fixtures/keys";
import {
  captureServerPerFile,
  expectSignedOperation,
  usd,
  type OperationCase,
} from "../test-fixtures/client-harness";
import {
  checkoutSessionResponse,
  completedCheckoutSessionResponse,
  CHECKOUT_SESSION_ID,
} from "../test-fixtures/responses";

const capture = captureServerPerFile();

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
];

describe("Checkout Session operations send the right request, signed", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    for (const operation of operations) {
      it(`${operation.name} (${algorithm})`, () => expectSignedOperation(capture, operation, algorithm));
    }
  }
});
