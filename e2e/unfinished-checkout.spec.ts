// A buyer who paid on Amazon's page but never loaded the result page (the tab closed, the network
// dropped, the page never hydrated) still gets exactly one order: the reconciler completes the
// checkout after its grace period (5 s in the e2e shops), with the key the buyer would have used.
// A buyer who comes back in another browser completes it too and sees a neutral page, and one who
// comes back while the reconciler is completing waits for it. Amazon sees one successful Complete.
import type { Page } from "@playwright/test";
import {
  addToCart,
  checkoutToReview,
  emulator,
  eventually,
  orderBySession,
  pauseReconcilers,
  resumeReconcilers,
} from "./support/checkout";
import { e2eDb } from "./support/database";
import { EMULATOR_URL } from "./support/environment";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { expect, test } from "./support/test";

const RESULT = "**/checkout/result**";

test.afterEach(async () => {
  await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  await resumeReconcilers();
});

/** Place order and pay on Amazon's page; the browser's navigation to the result page is aborted. */
async function payWithoutReturning(
  page: Page,
  slug: string,
): Promise<{ sessionId: string; resultUrl: string }> {
  await addToCart(page, slug);
  const sessionId = await checkoutToReview(page);
  let aborted!: (url: string) => void;
  const resultUrl = new Promise<string>((resolve) => (aborted = resolve));
  await page.route(RESULT, async (route) => {
    aborted(route.request().url());
    await route.abort("internetdisconnected");
  });
  await page.getByRole("button", { name: "Place order" }).click();
  const url = await resultUrl;
  await page.unroute(RESULT);
  return { sessionId, resultUrl: url };
}

/** Amazon's answers to Complete for this session, as the emulator logged them. */
async function completeCalls(sessionId: string): Promise<number[]> {
  const { calls } = (await emulator("/__emulator/api-calls")) as {
    calls: { method: string; path: string; status: number }[];
  };
  return calls
    .filter((call) => call.method === "POST" && call.path.endsWith(`/checkoutSessions/${sessionId}/complete`))
    .map((call) => call.status);
}

const paidOrder = (sessionId: string, timeoutMs = 30_000) =>
  eventually(
    () => orderBySession(sessionId),
    (order) => order.status === "Paid",
    timeoutMs,
  );

test.describe.configure({ mode: "serial" });

test("the result navigation is aborted: the reconciler completes the checkout, one order, one Complete", async ({
  page,
}) => {
  const { sessionId } = await payWithoutReturning(page, "harbor-ceramic-mug");
  expect((await orderBySession(sessionId)).status).toBe("Draft");

  const order = await paidOrder(sessionId);

  expect(order.chargeId).toBeTruthy();
  expect(order.chargePermissionId).toBeTruthy();
  expect(order.completionStartedAt).toBeNull(); // nobody came back: the reconciler did it
  expect(await e2eDb().order.count({ where: { checkoutSessionId: sessionId } })).toBe(1);
  await assertOneOrderPerCompletedSession([sessionId]);
  expect(await completeCalls(sessionId)).toEqual([200]);
});

test("the buyer comes back in another browser: the checkout completes, the page shows no order details", async ({
  page,
  browser,
}) => {
  await pauseReconcilers(); // only this return may complete it
  const { sessionId, resultUrl } = await payWithoutReturning(page, "sailcloth-tote");
  const { orderNumber } = await orderBySession(sessionId);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(resultUrl);
  await expect(other.getByTestId("order-being-confirmed")).toContainText("Your order is being confirmed");
  const order = await paidOrder(sessionId, 15_000);

  expect(order.completionStartedAt).not.toBeNull();
  await expect(other).toHaveURL(resultUrl);
  const html = await other.content();
  expect(html).not.toContain(orderNumber);
  expect(html).not.toContain("Sailcloth Tote");
  expect(html).not.toContain("belongs to another cart");
  await expect(other.getByRole("button", { name: /Place order|Amazon Pay|Try again/ })).toHaveCount(0);
  await expect(other.getByTestId("amazon-pay-button")).toHaveCount(0);
  await assertOneOrderPerCompletedSession([sessionId]);
  expect(await completeCalls(sessionId)).toEqual([200]);
  await elsewhere.close();
});

test("the buyer comes back after the reconciler completed it: the order page, paid", async ({ page }) => {
  const { sessionId, resultUrl } = await payWithoutReturning(page, "pine-needle-candle");
  const { orderNumber } = await paidOrder(sessionId);

  await page.goto(resultUrl);

  await page.waitForURL(new RegExp(`/orders/${orderNumber}$`));
  await expect(page.getByTestId("order-status")).toContainText("Your payment is complete.");
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await assertOneOrderPerCompletedSession([sessionId]);
  expect(await completeCalls(sessionId)).toEqual([200]);
});

test("the buyer comes back while the reconciler is completing: the buyer waits for it, one Complete", async ({
  page,
}) => {
  // Amazon answers Complete slowly, so the buyer's return lands while the reconciler's call is out.
  await emulator("/__emulator/faults", {
    fault: "delay",
    delayMs: 4_000,
    count: 20,
    operation: "completeCheckoutSession",
  });
  const { sessionId, resultUrl } = await payWithoutReturning(page, "tidepool-field-notebook");
  await eventually(
    () => orderBySession(sessionId),
    (order) => order.completionClaimedBy?.startsWith("reconciler:") === true,
    30_000,
  );

  await page.goto(resultUrl);
  await expect(page.getByTestId("completing")).toBeVisible();

  await page.waitForURL(/\/orders\/HP-/, { timeout: 20_000 });
  await expect(page.getByTestId("order-status")).toContainText("Your payment is complete.");
  const order = await orderBySession(sessionId);
  expect(order.status).toBe("Paid");
  expect(order.completionStartedAt).not.toBeNull(); // the buyer did come back, and waited
  await assertOneOrderPerCompletedSession([sessionId]);
  expect(await completeCalls(sessionId)).toEqual([200]);
});
