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

/**
 * Submits one merchant action form and returns the outcome in words: from the form itself, or,
 * when the form disappears because the action no longer applies, from the "last action" notice.
 */
export async function merchantAction(page: Page, testId: string, fields: Record<string, string> = {}): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  const lastAction = page.getByTestId("admin-last-action");
  const before = (await lastAction.count()) > 0 ? await lastAction.textContent() : null;
  await form.getByRole("button").click();
  const formStatus = page.getByTestId(`${testId}-status`);
  await expect(async () => {
    const fromForm = (await formStatus.count()) > 0 ? await formStatus.textContent() : "";
    const fromNotice = (await lastAction.count()) > 0 ? await lastAction.textContent() : before;
    expect(Boolean(fromForm) || fromNotice !== before).toBe(true);
  }).toPass({ timeout: 15_000 });
  const fromForm = (await formStatus.count()) > 0 ? await formStatus.textContent() : "";
  return fromForm || ((await lastAction.textContent()) ?? "");
}
