// Security headers on every page, route handler and static file, and a Content-Security-Policy
// that allows only the shop and the configured Amazon Pay origin (here the emulator): on pages
// rendered per request, a fresh nonce on every script Next.js renders; on the catalog pages,
// served from the cache, the hashes of the page's own inline scripts. Browsing and the checkout
// flows run under it without a single violation.
import { createHash } from "node:crypto";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { addToCart, checkoutToReview, placeOrderAndConfirm } from "./support/checkout";
import { EMULATOR_URL, shopUrl } from "./support/environment";
import { HttpBuyer } from "./support/http-buyer";

const SHOP = shopUrl();
const FIXED = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=()",
};

const directives = (policy: string) =>
  new Map(policy.split(/;\s*/).map((part) => [part.split(" ")[0]!, part.split(" ").slice(1)] as const));

const policiesOf = (response: APIResponse) =>
  response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "content-security-policy")
    .map(({ value }) => value);

/** The script elements the browser runs (JSON-LD is data): attributes and body. */
const runnableScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .map((match) => ({ attributes: match[1]!, body: match[2]! }))
    .filter(({ attributes }) => !/type="application\/ld\+json"/.test(attributes));

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

function expectShopPolicy(csp: Map<string, string[]>, path: string) {
  expect(csp.get("connect-src"), path).toEqual(["'self'", EMULATOR_URL]);
  expect(csp.get("form-action"), path).toEqual(["'self'", EMULATOR_URL]);
  expect(csp.get("img-src"), path).toEqual(["'self'", "data:", "blob:", EMULATOR_URL]);
  expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(csp.get("base-uri"), path).toEqual(["'self'"]);
  expect(csp.get("object-src"), path).toEqual(["'none'"]);
}

test("every page rendered per request carries the security headers and a nonce-based CSP", async ({
  request,
}) => {
  const pages = [
    "/cart",
    "/cart?checkout=session-unknown",
    "/checkout/result?amazonCheckoutSessionId=abc",
    "/orders/HP-0000000000",
    "/admin/login",
    "/does-not-exist",
    "/products/%ff",
  ];
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(`${SHOP}${path}`, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers, path).toMatchObject(FIXED);
    expect(headers["strict-transport-security"], path).toBeUndefined(); // the e2e shops are served over http
    expect(policiesOf(response), path).toHaveLength(1);
    const csp = directives(headers["content-security-policy"] ?? "");
    if (!(headers["content-type"] ?? "").startsWith("text/html")) {
      expect(csp.get("default-src"), path).toEqual(["'none'"]);
      continue;
    }
    const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(csp.get("script-src")?.[1] ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp.get("script-src"), path).toEqual(["'self'", `'nonce-${nonce}'`, EMULATOR_URL]);
    expectShopPolicy(csp, path);
    // Every executable script tag carries this response's nonce.
    const scripts = runnableScripts(await response.text());
    expect(scripts.length, path).toBeGreaterThan(3);
    for (const { attributes } of scripts) expect(attributes, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(pages.filter((p) => p !== "/products/%ff").length); // a fresh nonce every time
});

test("the catalog pages come from the cache, the same for every buyer, with their scripts allowed by hash", async ({
  request,
  playwright,
}) => {
  const buyer = await playwright.request.newContext();
  try {
    // Another buyer, with a cart: the header's count is fetched by the browser, not in the page.
    await buyer.get(`${SHOP}/products/sailcloth-tote`);
    for (const path of ["/", "/products/harbor-ceramic-mug", "/products/does-not-exist"]) {
      // A page older than its revalidation time is served STALE once while it is rendered again
      // (a long run gets there): wait for the fresh copy, so both requests below read the same one.
      if (!path.endsWith("does-not-exist"))
        await expect
          .poll(async () => (await request.get(`${SHOP}${path}`)).headers()["x-nextjs-cache"], {
            message: path,
          })
          .toBe("HIT");
      const first = await request.get(`${SHOP}${path}`);
      const again = await buyer.get(`${SHOP}${path}`);
      const expectedStatus = path.endsWith("does-not-exist") ? 404 : 200;
      expect([first.status(), again.status()], path).toEqual([expectedStatus, expectedStatus]);
      if (expectedStatus === 200) {
        expect([first.headers()["x-nextjs-cache"], again.headers()["x-nextjs-cache"]], path).toEqual([
          "HIT",
          "HIT",
        ]);
        expect(again.headers()["cache-control"], path).toMatch(/^s-maxage=\d+/);
        expect(await again.text(), path).toBe(await first.text());
      }
      for (const response of [first, again]) {
        const headers = response.headers();
        expect(headers, path).toMatchObject(FIXED);
        expect(headers["set-cookie"], path).toBeUndefined();
        const policies = policiesOf(response);
        expect(policies, path).toHaveLength(1);
        const policy = directives(policies[0]!);
        expectShopPolicy(policy, path);
        const html = await response.text();
        expect(html, path).not.toContain("nonce=");
        const inline = runnableScripts(html).filter(({ attributes }) => !/\ssrc=/.test(attributes));
        expect(inline.length, path).toBeGreaterThan(2);
        const hashes = [...new Set(inline.map(({ body }) => sha256(body)))];
        expect(policy.get("script-src"), path).toEqual(["'self'", ...hashes, EMULATOR_URL]);
        expect(policy.get("default-src"), path).toEqual(["'self'"]);
      }
    }
  } finally {
    await buyer.dispose();
  }
});

test("a form posted to a catalog page without JavaScript is answered per request, with a nonce", async () => {
  const response = await new HttpBuyer(SHOP).submit("/products/harbor-ceramic-mug", 'name="slug"', {
    quantity: "2",
  });
  expect(response.status).toBe(200);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = runnableScripts(await response.text());
  expect(scripts.length).toBeGreaterThan(3);
  for (const { attributes } of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("route handlers, redirects and static files carry the headers too", async ({ request }) => {
  const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(
    await (await request.get(`${SHOP}/`)).text(),
  )![1]!;
  const answers = [
    await request.get(`${SHOP}/api/orders/HP-0000000000/status`),
    await request.get(`${SHOP}/api/admin/orders`),
    await request.post(`${SHOP}/api/amazon-pay/ipn`, { data: "x" }),
    await request.get(`${SHOP}/api/amazon-pay/ipn`), // the IPN route sets its own (no proxy)
    await request.post(`${SHOP}/api/checkout/finalize`, {
      data: "x",
      headers: { "content-type": "text/plain" },
    }),
    await request.get(`${SHOP}/admin/orders`, { maxRedirects: 0 }),
    await request.get(`${SHOP}/checkout/review?amazonCheckoutSessionId=x`, { maxRedirects: 0 }),
    await request.post(`${SHOP}/cart`, {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42) },
      data: "[]",
    }),
    await request.get(`${SHOP}${chunk}`),
    await request.get(`${SHOP}/icon.svg`),
  ];
  for (const response of answers) {
    expect(response.headers(), response.url()).toMatchObject(FIXED);
    if (!response.url().includes("/_next/static/"))
      expect(response.headers()["content-security-policy"], response.url()).toBeTruthy();
  }
});

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  page: string;
}

async function recordViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction("__reportCspViolation", (violation: Violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (violation: Violation) => void })
        .__reportCspViolation;
      report({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        page: location.href,
      });
    });
  });
  return violations;
}

test("the catalog pages from the cache run their scripts under their hash policy without a violation", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto("/");
  await expect(page.locator("html[data-hydrated]")).toBeAttached(); // React ran: the hashes matched
  await page.getByRole("link", { name: /Sailcloth Tote/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sailcloth Tote" })).toBeVisible();
  await expect(
    page.getByTestId("amazon-pay-button").getByRole("button", { name: /Amazon Pay/ }),
  ).toBeVisible();
  await page.goto("/products/harbor-ceramic-mug");
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart-status")).toHaveText("Added to cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  expect(violations).toEqual([]);
});

test("checkout with the Amazon Pay button, the hosted pages and the change buttons runs without a CSP violation", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await addToCart(page, "tidepool-field-notebook");
  await checkoutToReview(page);
  await page.getByRole("button", { name: "Change payment method" }).click();
  await page.waitForURL(/changePayment/);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/checkout\/review/);
  await placeOrderAndConfirm(page);
  expect(violations).toEqual([]);
});

test("the Buy Now dialog works under the CSP without a violation", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("/products/sailcloth-tote");
  await page
    .getByTestId("buy-now-button")
    .getByRole("button", { name: /Amazon Pay/ })
    .click();
  const dialog = page.getByTestId("amazon-pay-buy-now");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("apsbx-address-ava-home").check();
  await dialog.getByTestId("apsbx-payment-visa-1111").check();
  await expect(dialog.getByTestId("amazon-pay-summary")).toContainText("$36.00");
  await dialog.getByTestId("amazon-pay-pay-now").click();
  await page.waitForURL(/\/orders\/HP-/);
  expect(violations).toEqual([]);
});

test("an injected inline script or a foreign script is blocked (and the recorder above sees it)", async ({
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto("/");
  await page.evaluate(() => {
    const inline = document.createElement("script");
    inline.textContent = "window.__injected = true";
    document.head.append(inline);
    const foreign = document.createElement("script");
    foreign.src = "http://127.0.0.1:9/evil.js";
    document.head.append(foreign);
  });
  await expect
    .poll(() => violations.map((v) => [v.directive, v.blocked]))
    .toEqual([
      ["script-src-elem", "inline"],
      ["script-src-elem", "http://127.0.0.1:9/evil.js"],
    ]);
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
  ).toBeUndefined();
});
