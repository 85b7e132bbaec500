// The merchant's settlement page: after a paid order and Amazon's settlement report, the merchant
// fetches the latest report and sees the order's capture matched, with the totals.
import { signInAsMerchant, waitForHydration } from "./support/admin";
import { settlementReportAtAmazon } from "./support/amazon-reports";
import { buyOverHttp, eventually, orderBySession } from "./support/checkout";
import { shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

const SHOP = shopUrl("AuthorizeWithCapture");

test("the merchant fetches the latest settlement report and sees the order's capture matched", async ({
  page,
}) => {
  const { sessionId, orderNumber } = await buyOverHttp(page, "AuthorizeWithCapture");
  const order = await eventually(
    () => orderBySession(sessionId),
    (o) => o.charges.some((c) => c.state === "Captured"),
  );
  const chargeId = order.charges.find((c) => c.state === "Captured")!.id;
  const reportId = await settlementReportAtAmazon();

  await signInAsMerchant(page, SHOP);
  await page
    .getByRole("navigation", { name: "Merchant area" })
    .getByRole("link", { name: "Settlements" })
    .click();
  await expect(page.getByRole("heading", { name: "Settlements", level: 1 })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("button", { name: "Fetch the latest report now" }).click();

  await expect(page.getByTestId("fetch-settlement-status")).toHaveText(
    new RegExp(`^Report ${reportId}: \\d+ lines, `),
  );
  await expect(page.getByTestId("settlement-report")).toContainText(reportId);
  const line = page.getByTestId("settlement-lines").getByRole("row").filter({ hasText: chargeId });
  await expect(line).toContainText(orderNumber);
  await expect(line).toContainText("Matched");
  await expect(page.getByTestId("settlement-totals")).toContainText("Net according to the report");
});
