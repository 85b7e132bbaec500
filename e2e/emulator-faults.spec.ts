import { eventually, emulator } from "./support/checkout";
import { e2eDb } from "./support/database";
import { EMULATOR_URL, SHOPS } from "./support/environment";
import { HttpBuyer } from "./support/http-buyer";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { startShop, type ShopProcess } from "./support/shop-process";
import { expect, test } from "./support/test";

// The emulator answers 429, 500, 503, slowly, or drops the connection. Calls are retried within
// their bounds, the buyer reads a clear message (never a stack trace or a reason code), and no
// order is lost or doubled.
const PORT = SHOPS.AuthorizeWithCapture.port + 40;

test.describe.configure({ mode: "serial" });

let shop: ShopProcess;
test.beforeAll(async () => {
  // Short timeouts so the slow-answer faults play out in seconds.
  shop = await startShop({
    port: PORT,
    quiet: true,
    env: {
      AMAZON_PAY_ATTEMPT_TIMEOUT_MS: "800",
      AMAZON_PAY_MAX_TOTAL_MS: "4000",
      AMAZON_PAY_MAX_ATTEMPTS: "3",
    },
  });
});
test.afterAll(async () => shop.stop());
test.afterEach(async () => {
  await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
});

const RAW =
  /AmazonPayError|reasonCode|TooManyRequests|ServiceUnavailable|InternalServerError|\n\s+at [\w.<>]+ \(/;

async function readyToPay(buyer: HttpBuyer): Promise<string> {
  await buyer.addToCart("wool-camp-blanket");
  return buyer.checkoutAtAmazon();
}

test("429 and 500 on the way are retried: the checkout completes once", async () => {
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await emulator("/__emulator/faults", [
    { fault: "status", status: 429, count: 1, operation: "getCheckoutSession" },
    { fault: "status", status: 500, count: 1, operation: "updateCheckoutSession" },
    { fault: "status", status: 503, count: 2, operation: "completeCheckoutSession" },
    { fault: "dropBeforeProcessing", count: 1, operation: "getCheckoutSession" },
  ]);
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
  await assertOneOrderPerCompletedSession([sessionId]);
  const order = await e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
  expect(order.status).toBe("Paid");
  const retries = await e2eDb().paymentEvent.count({
    where: { orderId: order.id, kind: "amazon-call", summary: { contains: "(retrying)" } },
  });
  expect(retries).toBeGreaterThanOrEqual(3);
});

test("a response lost after Amazon completed is recovered by the retry with the same key", async () => {
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  await emulator("/__emulator/faults", {
    fault: "dropAfterProcessing",
    count: 1,
    operation: "completeCheckoutSession",
  });
  expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
  await assertOneOrderPerCompletedSession([sessionId]);
});

test("Amazon unreachable at review: a clear message on the cart, nothing created", async ({ page }) => {
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await emulator("/__emulator/faults", {
    fault: "status",
    status: 503,
    count: 20,
    operation: "getCheckoutSession",
  });
  const response = await buyer.request(buyer.reviewPath(sessionId));
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("location")).toContain("/cart?checkout=amazon-unavailable");
  await page.goto(`${shop.url}/cart?checkout=amazon-unavailable`);
  await expect(page.getByTestId("checkout-notice")).toHaveText(
    "Amazon Pay is not answering right now. Nothing was charged. Please try again in a moment.",
  );
  expect(await page.content()).not.toMatch(RAW);
  expect(await e2eDb().order.count({ where: { checkoutSessionId: sessionId } })).toBe(0);
});

test("slow answers and dropped connections at Place order: a clear message, the buyer tries again", async () => {
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await buyer.html(buyer.reviewPath(sessionId));
  await emulator("/__emulator/faults", [
    { fault: "delay", delayMs: 2_000, count: 2, operation: "updateCheckoutSession" },
    { fault: "dropBeforeProcessing", count: 5, operation: "updateCheckoutSession" },
  ]);
  const failed = await buyer.submit(buyer.reviewPath(sessionId), 'name="fingerprint"');
  expect(failed.status).toBeLessThan(500);
  const body = await failed.text();
  expect(body).toContain("Amazon Pay is not answering right now. Nothing was charged.");
  expect(body).not.toMatch(RAW);
  await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
  await assertOneOrderPerCompletedSession([sessionId]);
});

test("Amazon down when the buyer returns: the order waits, then the reconciler completes it", async () => {
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  await emulator("/__emulator/faults", {
    fault: "status",
    status: 503,
    count: 1000,
    operation: "completeCheckoutSession",
  });
  const destination = await buyer.complete(sessionId);
  expect(destination).toMatch(/\/orders\/HP-/);
  const pending = await e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
  expect(pending.status).toBe("Draft");
  // The buyer's page explains what is going on, in words.
  const html = await buyer.html(destination);
  expect(html).toContain("We are confirming your payment with Amazon Pay.");
  expect(html).not.toMatch(RAW);
  await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  const order = await eventually(
    () => e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } }),
    (o) => o.status === "Paid",
    30_000,
  );
  expect(order.chargeId).toBeTruthy();
  await assertOneOrderPerCompletedSession([sessionId]);
});
