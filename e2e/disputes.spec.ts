import type { Page } from "@playwright/test";
import { merchantAction, openAdminOrder, signInAsMerchant } from "./support/admin";
import { buyOverHttp, emulator, orderBySession } from "./support/checkout";
import { formatMoney, isCurrency, money } from "@/lib/money";
import { e2eDb } from "./support/database";
import { expect, test } from "./support/test";

// A buyer pays; their bank files a chargeback (the emulator's developer endpoint); the CHARGEBACK
// IPN brings it to the merchant's order page and the open-disputes list; the merchant contests it
// with a statement and a file; Amazon decides, and the order's money follows.

const STATEMENT = "The order was delivered to the buyer's address; the carrier's receipt is attached.";
const RECEIPT = {
  name: "delivery-receipt.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4 receipt"),
};

/** An amount of the order as the merchant pages show it: the order's currency, the US market's locale. */
function shown(amountMinor: number, currency: string): string {
  if (!isCurrency(currency)) throw new Error(`unexpected currency ${currency}`);
  return formatMoney(money(amountMinor, currency), "en-US");
}

async function disputeOf(orderId: string) {
  return e2eDb().dispute.findFirst({ where: { orderId } });
}

/** Buys on the shop, files a chargeback against the charge, and waits for the IPN to record it. */
async function paidAndDisputed(page: Page, slug: string) {
  const { base, sessionId, orderNumber } = await buyOverHttp(page, "AuthorizeWithCapture", "visa-1111", slug);
  const order = await orderBySession(sessionId);
  const { disputeId } = (await emulator("/__emulator/disputes", {
    chargeId: order.charges[0]!.id,
    filingReason: "ProductNotReceived",
  })) as { disputeId: string };
  await expect
    .poll(async () => (await disputeOf(order.id))?.state, { timeout: 20_000 })
    .toBe("ActionRequired");
  return { base, orderNumber, order, disputeId };
}

async function contestWithReceipt(page: Page, base: string, orderNumber: string) {
  await openAdminOrder(page, base, orderNumber);
  const dispute = page.getByTestId("order-dispute");
  await expect(dispute.getByTestId("dispute-reason")).toHaveText("The buyer says the order never arrived.");
  await expect(dispute.getByTestId("days-left")).toHaveText("11 days left");
  await page.getByTestId("contest-form").getByLabel("Evidence files").setInputFiles(RECEIPT);
  await page.getByTestId("contest-form").getByLabel("The files show").selectOption("TrackingNumber");
  expect(await merchantAction(page, "contest-form", { "Your statement": STATEMENT })).toContain(
    "Dispute contested with your statement and 1 file",
  );
}

test("a chargeback appears for the merchant, is contested with a file and won: the money stays", async ({
  page,
}) => {
  const { base, orderNumber, order, disputeId } = await paidAndDisputed(page, "harbor-ceramic-mug");

  // The buyer's page says a dispute is open, neutrally.
  await page.goto(`${base}/orders/${orderNumber}`);
  await expect(page.getByTestId("order-dispute-note")).toBeVisible();

  await signInAsMerchant(page, base);
  await page.goto(`${base}/admin/disputes`);
  const row = page.locator(`[data-testid="open-dispute"][data-dispute-id="${disputeId}"]`);
  await expect(row).toContainText(orderNumber);
  await expect(row.getByTestId("days-left")).toHaveText("11 days left");

  await contestWithReceipt(page, base, orderNumber);
  const contested = await disputeOf(order.id);
  expect(contested).toMatchObject({ state: "UnderReview", contestStatement: STATEMENT });
  const fileIds = JSON.parse(contested!.evidenceFileIds!) as string[];
  expect(fileIds).toHaveLength(1);

  await emulator(`/__emulator/disputes/${disputeId}/settle`, { outcome: "won" });
  await expect
    .poll(async () => (await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } })).disputeStatus, {
      timeout: 20_000,
    })
    .toBe("Won");
  await page.reload();
  await expect(page.getByTestId("dispute-outcome")).toContainText("Won: the");
  await expect(page.getByTestId("admin-charged-back")).toHaveText(shown(0, order.currency));
  await expect(page.getByTestId("contest-form")).toHaveCount(0);
  const after = await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } });
  expect(after).toMatchObject({ status: "Paid", capturedMinor: order.totalMinor, chargedBackMinor: 0 });
});

test("a contested chargeback that is lost takes the amount back from the order", async ({ page }) => {
  const { base, orderNumber, order, disputeId } = await paidAndDisputed(page, "sailcloth-tote");
  await signInAsMerchant(page, base);
  await contestWithReceipt(page, base, orderNumber);

  await emulator(`/__emulator/disputes/${disputeId}/settle`, { outcome: "lost" });
  await expect
    .poll(async () => (await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } })).chargedBackMinor, {
      timeout: 20_000,
    })
    .toBe(order.totalMinor);
  await page.reload();
  await expect(page.getByTestId("dispute-outcome")).toContainText("Lost: the");
  await expect(page.getByTestId("admin-charged-back")).toHaveText(shown(order.totalMinor, order.currency));
  expect(await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
    status: "Paid",
    disputeStatus: "Lost",
  });
  await page.goto(`${base}/admin/disputes`);
  await expect(page.locator(`[data-testid="open-dispute"][data-dispute-id="${disputeId}"]`)).toHaveCount(0);
});
