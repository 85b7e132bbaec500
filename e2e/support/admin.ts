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
  await waitForHydration(page);
}

/** A click while React hydrates the page can be lost; wait until it is done. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** The action's words: the form's own status, and the page's "last action" notice (read at once, never waited on). */
function readOutcome(page: Page, testId: string): Promise<{ fromForm: string; fromNotice: string | null }> {
  return page.evaluate(
    (id) => ({
      fromForm: document.querySelector(`[data-testid="${id}-status"]`)?.textContent ?? "",
      fromNotice: document.querySelector('[data-testid="admin-last-action"]')?.textContent ?? null,
    }),
    testId,
  );
}

/**
 * Submits one merchant action form and returns the outcome in words: from the form itself, or,
 * when the form disappears because the action no longer applies, from the "last action" notice.
 */
export async function merchantAction(
  page: Page,
  testId: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await waitForHydration(page);
  const before = (await readOutcome(page, testId)).fromNotice;
  await form.locator("button[type=submit]").click();
  let outcome = "";
  await expect
    .poll(
      async () => {
        const { fromForm, fromNotice } = await readOutcome(page, testId);
        outcome = fromForm || (fromNotice !== before ? (fromNotice ?? "") : "");
        return outcome !== "";
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return outcome;
}
