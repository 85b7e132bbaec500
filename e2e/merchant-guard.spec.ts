// The merchant area refuses everyone without an open session: pages redirect to sign-in, the
// API answers 401, and every merchant action answers "Sign in…" and changes nothing, wherever
// it is posted. Forged, expired and foreign-key cookies are refused; so is a wrong password.
// Signed-out cookies and the lockout: e2e/merchant-sign-in.spec.ts.
import { randomInt } from "node:crypto";
import fc from "fast-check";
import type { APIRequestContext, Browser } from "@playwright/test";
import { adminSessionKey } from "@/lib/admin/session-key";
import { ADMIN_SESSION_SECONDS, issueAdminToken, newSessionId } from "@/lib/admin/session-token";
import { parseEnv } from "@/lib/env";
import { actionId, callFormAction } from "./support/actions";
import { chooseOnAmazon, placeOrderAndConfirm } from "./support/checkout";
import { expectNoDatabaseChange, quietDatabase } from "./support/db-snapshot";
import { shopUrl } from "./support/environment";
import { FUZZ, oddText } from "./support/hostile";
import { SHARED_INSTANCE_ENV } from "./support/shop-process";
import { expect, test } from "./support/test";

const SHOP = shopUrl("Authorize");
const PASSWORD = SHARED_INSTANCE_ENV.ADMIN_PASSWORD;
const MERCHANT = "lib/merchant/action.ts";
const SETTLEMENT = "lib/settlement/action.ts";
const NOT_SIGNED_IN = "Sign in to the merchant area first.";

/** The shops' signing key, and the key another password (or another secret) would give. */
const keyOf = (env: Record<string, string>) =>
  adminSessionKey(parseEnv({ NODE_ENV: "production", ...SHARED_INSTANCE_ENV, ...env }))!;
const KEY = keyOf({});
const now = () => Math.floor(Date.now() / 1000);
const signed = (key: Buffer, expires = now() + 3600) => issueAdminToken(key, newSessionId(), expires);
const COOKIES = {
  none: null,
  garbage: "not-a-token",
  forged: `v2.${newSessionId()}.${now() + 3600}.${"ab".repeat(32)}`,
  "the old password-keyed format": `v1.${now() + 3600}.${"ab".repeat(32)}`,
  expired: signed(KEY, now() - 60),
  "another password": signed(keyOf({ ADMIN_PASSWORD: "some-other-password-123" })),
  "another secret": signed(keyOf({ ADMIN_SESSION_SECRET: "x".repeat(40) })),
  "too far in the future": signed(KEY, now() + 10 * ADMIN_SESSION_SECONDS),
} as const;

/**
 * Each test plays its own clients: the shops trust one proxy hop (e2e/support/shop-process.ts),
 * so X-Forwarded-For names the client whose failed sign-ins are counted.
 */
const someClient = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function browserAs(browser: Browser, client: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": client } });
  return { context, page: await context.newPage() };
}

async function clientWith(
  newContext: (options: { extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext>,
  token: string | null,
) {
  return newContext(token ? { extraHTTPHeaders: { cookie: `admin_session=${token}` } } : {});
}

/** Each merchant action with fields that would work for a signed-in merchant. */
function merchantCalls(orderNumber: string): [string, Record<string, string>][] {
  const base = { orderNumber, actionKey: "k".repeat(24) };
  return [
    ["captureAction", { ...base, amount: "1.00" }],
    ["refundAction", { ...base, amount: "1.00" }],
    ["cancelAction", base],
    ["closeAction", { ...base, cancelPendingCharges: "on" }],
    ["shipAction", { ...base, carrierCode: "UPS", trackingNumber: "1Z999AA10123456784" }],
    ["refreshOrderAction", { orderNumber }],
    [
      "contestDisputeAction",
      {
        ...base,
        disputeId: "S01-0000000-0000000-B000001",
        statement: "The order was delivered and signed for.",
        evidenceType: "Receipt",
      },
    ],
  ];
}

test("the merchant area refuses calls without a valid session", async ({ page, playwright }) => {
  test.slow(); // a checkout, then some 300 calls to the shop
  // An authorized order a merchant could capture, cancel or close.
  await page.goto(`${SHOP}/products/sailcloth-tote`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await page.goto(`${SHOP}/cart`);
  await page
    .getByTestId("amazon-pay-button")
    .getByRole("button", { name: /Amazon Pay/ })
    .click();
  await chooseOnAmazon(page);
  await page.waitForURL(/\/checkout\/review/);
  const orderNumber = await placeOrderAndConfirm(page);
  await quietDatabase();

  const signedIn = await playwright.request.newContext({
    extraHTTPHeaders: { "x-forwarded-for": someClient() },
  });
  const signIn = await callFormAction(
    signedIn,
    SHOP,
    "/admin/login",
    actionId("lib/admin/action.ts", "adminLoginAction"),
    { password: PASSWORD },
    { withState: true },
  );
  expect(signIn.redirect).toBe("/admin/orders");
  expect((await signedIn.get(`${SHOP}/api/admin/orders`)).status()).toBe(200);
  expect((await signedIn.get(`${SHOP}/admin/orders/${orderNumber}`, { maxRedirects: 0 })).status()).toBe(200);

  await expectNoDatabaseChange(async () => {
    for (const [label, token] of Object.entries(COOKIES)) {
      const client = await clientWith((o) => playwright.request.newContext(o), token);
      // One cookie's ~30 calls go out together: one after another they outlast the test's time
      // on a loaded 2-core machine.
      const pages = [
        "/admin",
        "/admin/orders",
        `/admin/orders/${orderNumber}`,
        "/admin/orders?status=Authorized",
        "/admin/settlements",
        "/admin/disputes",
      ].map(async (path) => {
        const response = await client.get(`${SHOP}${path}`, { maxRedirects: 0 });
        expect(response.status(), `${label} ${path}`).toBe(307);
        expect(response.headers().location, `${label} ${path}`).toMatch(/\/admin\/login\?next=/);
      });
      // Every action, posted to its page and to pages outside the merchant area.
      const actions = merchantCalls(orderNumber).flatMap(([name, fields]) =>
        [`/admin/orders/${orderNumber}`, "/", "/cart"].map(async (path) => {
          const answer = await callFormAction(client, SHOP, path, actionId(MERCHANT, name), fields, {
            withState: true,
          });
          expect(answer.status, `${label} ${name} ${path}`).toBe(200);
          expect(answer.result, `${label} ${name} ${path}`).toEqual({ ok: false, error: NOT_SIGNED_IN });
        }),
      );
      const settlements = ["/admin/settlements", "/"].map(async (path) => {
        const answer = await callFormAction(
          client,
          SHOP,
          path,
          actionId(SETTLEMENT, "fetchSettlementAction"),
          {},
          { withState: true },
        );
        expect(answer.result, `${label} fetchSettlementAction ${path}`).toEqual({
          ok: false,
          error: NOT_SIGNED_IN,
        });
      });
      const api = client.get(`${SHOP}/api/admin/orders`).then((response) => {
        expect(response.status(), label).toBe(401);
      });
      await Promise.all([api, ...pages, ...actions, ...settlements]);
      await client.dispose();
    }
  });

  // Signed in, hostile fields get a form error and change nothing either.
  await expectNoDatabaseChange(async () => {
    const amount = oddText.filter((text) => !/^\s*\$?\d+(\.\d{1,2})?\s*$/.test(text) && text.trim() !== "");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("captureAction", "refundAction"),
        fc.record({
          orderNumber: fc.oneof(fc.constant(orderNumber), oddText),
          actionKey: fc.oneof(fc.constant("k".repeat(24)), oddText),
          amount,
        }),
        async (name, fields) => {
          const answer = await callFormAction(
            signedIn,
            SHOP,
            `/admin/orders/${orderNumber}`,
            actionId(MERCHANT, name),
            fields,
            { withState: true },
          );
          expect(answer.status, JSON.stringify(fields)).toBe(200);
          expect(answer.result, JSON.stringify(fields)).toMatchObject({
            ok: false,
            error: expect.stringMatching(/\S/),
          });
        },
      ),
      FUZZ(25),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          orderNumber: oddText.filter((text) => !/^HP-[0-9A-HJKMNP-TV-Z]{10}$/.test(text)),
          actionKey: oddText,
          carrierCode: oddText,
          trackingNumber: oddText,
        }),
        async (fields) => {
          const answer = await callFormAction(
            signedIn,
            SHOP,
            `/admin/orders/${orderNumber}`,
            actionId(MERCHANT, "shipAction"),
            fields,
            { withState: true },
          );
          expect(answer.result, JSON.stringify(fields)).toMatchObject({
            ok: false,
            error: expect.stringMatching(/\S/),
          });
        },
      ),
      FUZZ(15),
    );
  });
  await signedIn.dispose();
});

test("a wrong password is refused on the sign-in page", async ({ browser, playwright }) => {
  const { context, page } = await browserAs(browser, someClient());
  await page.goto(`${SHOP}/admin/orders`);
  await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Forders/);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("admin-login-status")).toHaveText("That password is not correct.");
  expect((await context.cookies()).find((cookie) => cookie.name === "admin_session")).toBeUndefined();
  await page.goto(`${SHOP}/admin/orders`);
  await page.waitForURL(/\/admin\/login/);

  const client = await playwright.request.newContext({
    extraHTTPHeaders: { "x-forwarded-for": someClient() },
  });
  const login = actionId("lib/admin/action.ts", "adminLoginAction");
  for (const password of ["", " ", "E2E-ADMIN-PASSWORD", `${PASSWORD} `, "x".repeat(1001)]) {
    const answer = await callFormAction(
      client,
      SHOP,
      "/admin/login",
      login,
      { password },
      { withState: true },
    );
    expect(answer.result, password).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    expect(
      (await client.storageState()).cookies.find((cookie) => cookie.name === "admin_session"),
      password,
    ).toBeUndefined();
  }
  // The right password signs in (so the refusals above are the password's doing).
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/orders$/);
  await client.dispose();
  await context.close();
});
