// Merchant sign-in against a real database: sessions live in the database, so signing out
// revokes the cookie even where it was copied; failed sign-ins lock a client out, whatever
// instance it asks; ADMIN_PASSWORD is read one way everywhere.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { env, resetEnv } from "@/lib/env";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";
import { adminLoginAction, adminLogoutAction } from "./action";
import { isAdmin } from "./auth";
import { merchantGate } from "./merchant-gate";
import { adminSessionKey } from "./session-key";
import { ADMIN_COOKIE, issueAdminToken, newSessionId, nowSeconds } from "./session-token";

const browser = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      browser.cookies.has(name) ? { name, value: browser.cookies.get(name)! } : undefined,
    set: (name: string, value: string) => void browser.cookies.set(name, value),
    delete: (name: string) => void browser.cookies.delete(name),
  }),
  headers: async () => browser.headers,
}));

const PASSWORD = "correct horse battery staple";
let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase({ seed: false }));
});
beforeEach(() => {
  // Padded on purpose: an .env file line with stray spaces.
  Object.assign(process.env, {
    ADMIN_PASSWORD: `  ${PASSWORD}  `,
    ADMIN_SESSION_SECRET: "",
    ADMIN_SIGNIN_MAX_FAILURES: "3",
    ADMIN_SIGNIN_LOCKOUT_MINUTES: "15",
    TRUSTED_PROXY_HOPS: "1",
  });
  resetEnv();
  browser.cookies.clear();
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  for (const name of [
    "ADMIN_PASSWORD",
    "ADMIN_SIGNIN_MAX_FAILURES",
    "ADMIN_SIGNIN_LOCKOUT_MINUTES",
    "TRUSTED_PROXY_HOPS",
  ])
    delete process.env[name];
  await shop.close();
});

/** The browser at `address`, behind one proxy that appended the shop's peer after it. */
function from(address: string): void {
  browser.headers = new Headers({ "x-forwarded-for": `${address}, 10.0.0.1` });
}

const form = (password: string) => {
  const data = new FormData();
  data.set("password", password);
  return data;
};

/** The action's answer, or where its redirect() sends the browser. */
async function signIn(password: string): Promise<{ ok: false; error: string } | { redirectedTo: string }> {
  try {
    const result = await adminLoginAction(null, form(password));
    if (result.ok) throw new Error("sign-in answers with a redirect or an error");
    return { ok: false, error: result.error };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirectedTo: digest.split(";")[2]! };
  }
}

async function signOut(): Promise<void> {
  await adminLogoutAction().catch((error: { digest?: string }) => {
    if (!error.digest?.startsWith("NEXT_REDIRECT")) throw error;
  });
}

/** Whether proxy.ts lets this cookie into /admin/orders. */
function gatePasses(cookie: string | undefined): boolean {
  const request = new NextRequest("http://shop.test/admin/orders", {
    headers: cookie ? { cookie: `${ADMIN_COOKIE}=${cookie}` } : {},
  });
  return merchantGate(request, new Headers(), env()) === null;
}

describe("merchant sign-in", () => {
  it("reads ADMIN_PASSWORD one way: the trimmed password signs in, and the proxy accepts the cookie", async () => {
    from("198.51.100.1");
    expect(await signIn(PASSWORD)).toEqual({ redirectedTo: "/admin/orders" });
    expect(await isAdmin()).toBe(true);
    expect(gatePasses(browser.cookies.get(ADMIN_COOKIE))).toBe(true);
  });

  it("signing out revokes the session: the copied cookie is refused afterwards", async () => {
    from("198.51.100.2");
    await signIn(PASSWORD);
    const stolen = browser.cookies.get(ADMIN_COOKIE)!;
    await signOut();
    expect(browser.cookies.has(ADMIN_COOKIE)).toBe(false);
    browser.cookies.set(ADMIN_COOKIE, stolen);
    expect(await isAdmin()).toBe(false);
  });

  it("refuses a correctly signed cookie whose session the shop never opened", async () => {
    const key = adminSessionKey(env())!;
    browser.cookies.set(ADMIN_COOKIE, issueAdminToken(key, newSessionId(), nowSeconds() + 600));
    expect(await isAdmin()).toBe(false);
  });

  it("changing the password ends every session", async () => {
    from("198.51.100.3");
    await signIn(PASSWORD);
    process.env.ADMIN_PASSWORD = "a brand new password";
    resetEnv();
    expect(await isAdmin()).toBe(false);
    expect(gatePasses(browser.cookies.get(ADMIN_COOKIE))).toBe(false);
  });

  it("locks a client out after repeated failures, even for the right password; others still sign in", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T12:00:00Z") });
    from("203.0.113.50");
    expect(await signIn("wrong password 1")).toEqual({ ok: false, error: "That password is not correct." });
    expect(await signIn("wrong password 2")).toEqual({ ok: false, error: "That password is not correct." });
    const locked = {
      ok: false,
      error: "Too many failed sign-ins from your network. Try again in 15 minutes.",
    };
    expect(await signIn("wrong password 3")).toEqual(locked);
    expect(await signIn(PASSWORD)).toEqual(locked);
    expect(browser.cookies.has(ADMIN_COOKIE)).toBe(false);
    // The lockout is a database row: every instance sees it.
    expect(
      await shop.prisma.adminSignInThrottle.findUnique({ where: { clientKey: "ip:203.0.113.50" } }),
    ).toMatchObject({ lockedUntil: new Date("2030-01-01T12:15:00Z") });

    from("203.0.113.51");
    expect(await signIn(PASSWORD)).toEqual({ redirectedTo: "/admin/orders" });

    from("203.0.113.50");
    vi.setSystemTime(new Date("2030-01-01T12:14:01Z"));
    expect(await signIn(PASSWORD)).toEqual({
      ok: false,
      error: "Too many failed sign-ins from your network. Try again in 1 minute.",
    });
    vi.setSystemTime(new Date("2030-01-01T12:15:01Z"));
    expect(await signIn(PASSWORD)).toEqual({ redirectedTo: "/admin/orders" });
  });

  it("counts failures within the lockout period only; a success forgets them", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-02-01T12:00:00Z") });
    from("203.0.113.60");
    await signIn("wrong password 1");
    await signIn("wrong password 2");
    vi.setSystemTime(new Date("2030-02-01T12:16:00Z"));
    expect(await signIn("wrong password 3")).toEqual({ ok: false, error: "That password is not correct." });
    expect(await signIn(PASSWORD)).toEqual({ redirectedTo: "/admin/orders" });
    expect(await signIn("wrong password 4")).toEqual({ ok: false, error: "That password is not correct." });
    expect(await signIn("wrong password 5")).toEqual({ ok: false, error: "That password is not correct." });
  });
});
