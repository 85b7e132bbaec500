// The specs' `test`: Playwright's, with one browser tab per worker instead of a new browser
// context and tab per test. Opening a tab costs Chromium about 0.4 s of CPU, nearly as much as
// the test's own page loads; the tab kept also keeps the browser's cache of the build's scripts.
// Between tests the tab is emptied: it goes to about:blank, and the cookies, permissions, routes
// and every other tab of its context are gone, so each test starts as a new visitor. A test that
// needs what cannot be undone on a tab (an init script, an exposed function) takes `freshPage`, a
// tab in a context of its own, closed after the test.
import { devices, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { shopUrl } from "./environment";

const { defaultBrowserType: _unused, ...desktopChrome } = devices["Desktop Chrome"];

const newContext = (browser: Browser) => browser.newContext({ ...desktopChrome, baseURL: shopUrl() });

export const test = base.extend<{ freshPage: Page }, { workerContext: BrowserContext; workerPage: Page }>({
  workerContext: [
    async ({ browser }, provide) => {
      const context = await newContext(browser);
      await provide(context);
      await context.close();
    },
    { scope: "worker" },
  ],
  workerPage: [
    async ({ workerContext }, provide) => provide(await workerContext.newPage()),
    { scope: "worker" },
  ],
  context: async ({ workerContext, workerPage }, provide) => {
    await provide(workerContext);
    await Promise.all(
      workerContext
        .pages()
        .filter((page) => page !== workerPage)
        .map((page) => page.close()),
    );
    await workerContext.unrouteAll({ behavior: "ignoreErrors" });
    await workerPage.unrouteAll({ behavior: "ignoreErrors" });
    await workerPage.goto("about:blank");
    await workerContext.clearCookies();
    await workerContext.clearPermissions();
  },
  page: async ({ context: _context, workerPage }, provide) => provide(workerPage),
  freshPage: async ({ browser }, provide) => {
    const context = await newContext(browser);
    await provide(await context.newPage());
    await context.close();
  },
});

export { expect } from "@playwright/test";
