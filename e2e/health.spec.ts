// The readiness probe: 200 with what it checked while the process can serve buyers, never
// cached, with the route handlers' headers; its statement count follows the whole process.
import type { APIRequestContext } from "@playwright/test";
import { shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

const SHOP = shopUrl();

interface Health {
  status: string;
  uptimeSeconds: number;
  database: { ok: boolean; ms?: number };
  amazonPay: { ok: boolean; mode?: string };
  databaseStatements: number;
}

async function health(request: APIRequestContext): Promise<Health> {
  const response = await request.get(`${SHOP}/api/health`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  return (await response.json()) as Health;
}

test("the health endpoint says the process, its database and its Amazon Pay settings are ready", async ({
  request,
}) => {
  const first = await health(request);
  expect(first).toMatchObject({
    status: "ok",
    database: { ok: true },
    amazonPay: { ok: true, mode: "emulator" },
  });
  expect(first.uptimeSeconds).toBeGreaterThanOrEqual(0);
  // A page that reads the database (another route, another bundle) adds to the same count.
  expect((await request.get(`${SHOP}/products/not-for-sale-${Date.now()}`)).status()).toBe(404);
  const second = await health(request);
  expect(second.databaseStatements).toBeGreaterThan(first.databaseStatements + 1);
});
