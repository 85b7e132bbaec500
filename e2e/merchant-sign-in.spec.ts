// Merchant sessions as a merchant (and a thief) meets them: signing out revokes the session, so a
// copied cookie opens nothing afterwards; a client that keeps guessing the password is locked
// out, even for the right one, while the merchant elsewhere still signs in.
import { randomInt } from "node:crypto";
import type { Browser } from "@playwright/test";
import { actionId, callFormAction } from "./support/actions";
import { shopUrl } from "./support/environment";
import { SHARED_INSTANCE_ENV } from "./support/shop-process";
import { expect, test } from "./support/test";

const SHOP = shopUrl("Authorize");
const PASSWORD = SHARED_INSTANCE_ENV.ADMIN_PASSWORD;
const NOT_SIGNED_IN = "Sign in to the merchant area first.";
const LOCKED_OUT = "Too many failed sign-ins from your network. Try again in 15 minutes.";

/**
 * Each test plays its own clients: the shops trust one proxy hop (e2e/support/shop-process.ts),
 * so X-Forwarded-For names the client whose failed sign-ins are counted.
 */
const someClient = () => `192.0.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function browserAs(browser: Browser, client: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": client } });
  return { context, page: await context.newPage() };
}

test("signing out revokes the session: a copy of the cookie no longer opens anything", async ({
  browser,
  playwright,
}) => {
  const { context, page } = await browserAs(browser, someClient());
  await page.goto(`${SHOP}/admin/login`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/orders$/);
  const stolen = (await context.cookies()).find((cookie) => cookie.name === "admin_session")!.value;

  const thief = await playwright.request.newContext({
    extraHTTPHeaders: { cookie: `admin_session=${stolen}` },
  });
  expect((await thief.get(`${SHOP}/api/admin/orders`)).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/admin\/login$/);
  await page.goto(`${SHOP}/admin/orders`);
  await page.waitForURL(/\/admin\/login\?next=/);

  expect((await thief.get(`${SHOP}/api/admin/orders`)).status()).toBe(401);
  const pageAnswer = await thief.get(`${SHOP}/admin/orders`);
  expect(pageAnswer.url()).toMatch(/\/admin\/login\?next=(%2F|\/)admin(%2F|\/)orders$/);
  const refresh = await callFormAction(
    thief,
    SHOP,
    "/admin/orders",
    actionId("lib/merchant/action.ts", "refreshOrderAction"),
    { orderNumber: "HP-0000000000" },
    { withState: true },
  );
  expect(refresh.result).toEqual({ ok: false, error: NOT_SIGNED_IN });
  await thief.dispose();
  await context.close();
});

test("repeated wrong passwords lock the client out, even for the right password", async ({ browser }) => {
  const guesser = await browserAs(browser, someClient());
  await guesser.page.goto(`${SHOP}/admin/login`);
  const status = guesser.page.getByTestId("admin-login-status");
  const button = guesser.page.getByRole("button", { name: /^Sign(ing)? in/ });
  /**
   * One sign-in, to the end: the shop's answer, then React's reset of the form (a password typed
   * before that reset would be cleared, and the required field would block the next click).
   */
  const attempt = async (password: string) => {
    await expect(button).toHaveText("Sign in");
    await guesser.page.getByLabel("Password").fill(password);
    const answered = guesser.page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && new URL(response.url()).pathname === "/admin/login",
    );
    await button.click();
    await answered;
    await expect(button).toHaveText("Sign in");
  };
  for (let guess = 1; guess <= 5; guess++) {
    await attempt(`guess number ${guess}`);
    await expect(status).toHaveText(guess < 5 ? "That password is not correct." : LOCKED_OUT);
  }
  await attempt(PASSWORD);
  await expect(status).toHaveText(LOCKED_OUT);
  expect(guesser.page.url()).toMatch(/\/admin\/login/);

  // The lockout is that client's: the merchant elsewhere still signs in.
  const merchant = await browserAs(browser, someClient());
  await merchant.page.goto(`${SHOP}/admin/login`);
  await merchant.page.getByLabel("Password").fill(PASSWORD);
  await merchant.page.getByRole("button", { name: "Sign in" }).click();
  await merchant.page.waitForURL(/\/admin\/orders$/);
  await guesser.context.close();
  await merchant.context.close();
});
