import { expect, type Page } from "@playwright/test";

export const ADMIN_PASSWORD = "e2e-admin-password";

export async function signInAsMerchant(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/orders/);
}

export async function openAdminOrder(page: Page, baseUrl: string, orderNumber: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/orders/${orderNumber}`);
  await expect(page.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();
}

/** Submits one merchant action form and waits for Amazon's answer in words. */
export async function merchantAction(page: Page, testId: string, fields: Record<string, string> = {}): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button").click();
  const status = page.getByTestId(`${testId}-status`);
  await expect(status).not.toHaveText("");
  return (await status.textContent()) ?? "";
}
