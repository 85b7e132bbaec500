import { expect, test } from "@playwright/test";
import { CRASH_POINTS, type CrashPoint } from "@/lib/env";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eventually, pauseReconcilers, resumeReconcilers, emulator } from "./support/checkout";
import { e2eDb } from "./support/database";
import { E2E_DATA_DIR, e2eDatabaseUrl, EMULATOR_URL, SHOPS } from "./support/environment";
import { HttpBuyer } from "./support/http-buyer";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { crashAt, startShop, type ShopProcess } from "./support/shop-process";

// The server is killed with a real SIGKILL at each step of checkout, then restarted. Every
// checkout must end as one recorded order with its charge ids, or as a clean failure the buyer
// can retry: never a charge without an order, never two orders for one session.
const PORT = SHOPS.AuthorizeWithCapture.port + 20;
const run = promisify(execFile);

test.describe.configure({ mode: "serial" });

let shop: ShopProcess | undefined;
test.afterEach(async () => {
  await shop?.stop();
  shop = undefined;
});

async function crashDuring(point: CrashPoint, step: () => Promise<unknown>): Promise<void> {
  await expect(step()).rejects.toThrow();
  const signal = await Promise.race([
    shop!.exited.then(() => shop!.child.signalCode),
    new Promise((resolve) => setTimeout(() => resolve("still running"), 10_000)),
  ]);
  expect(signal, `the server should have been killed at ${point}`).toBe("SIGKILL");
  shop = await startShop({ port: PORT, quiet: true });
}

async function readyToPay(buyer: HttpBuyer): Promise<string> {
  await buyer.addToCart("harbor-ceramic-mug", 2);
  const sessionId = await buyer.checkoutAtAmazon();
  await buyer.html(buyer.reviewPath(sessionId));
  return sessionId;
}

for (const point of CRASH_POINTS.filter((p) => p.startsWith("place-order"))) {
  test(`SIGKILL at ${point}: the buyer presses Place order again and pays once`, async () => {
    shop = await startShop({ port: PORT, quiet: true, env: crashAt(point) });
    const buyer = new HttpBuyer(shop.url);
    const sessionId = await readyToPay(buyer);
    await crashDuring(point, () => buyer.placeOrder(sessionId));
    const redirect = await buyer.placeOrder(sessionId);
    await buyer.payAtAmazon(redirect);
    expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
    await assertOneOrderPerCompletedSession([sessionId]);
    expect((await e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } })).status).toBe(
      "Paid",
    );
  });
}

for (const point of CRASH_POINTS.filter((p) => p.startsWith("complete"))) {
  for (const buyerReturns of [true, false]) {
    test(`SIGKILL at ${point}: ${buyerReturns ? "the buyer reloads the result page" : "the buyer never comes back, the reconciler finishes"}`, async () => {
      shop = await startShop({ port: PORT, quiet: true, env: crashAt(point) });
      const buyer = new HttpBuyer(shop.url);
      const sessionId = await readyToPay(buyer);
      await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
      await crashDuring(point, () => buyer.complete(sessionId));
      if (buyerReturns) expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
      const order = await eventually(
        () => e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } }),
        (o) => o.status === "Paid",
        30_000,
      );
      expect(order.chargeId).toBeTruthy();
      await assertOneOrderPerCompletedSession([sessionId]);
    });
  }
}

test("npm run reconcile finishes a checkout the crashed server left behind", async () => {
  shop = await startShop({ port: PORT, quiet: true, env: crashAt("complete:after-amazon") });
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  // Only the command may finish it: no server reconciler, and no IPN (an IPN finishes it too).
  await pauseReconcilers();
  await emulator("/__emulator/faults", { fault: "dropIpn", count: 100 });
  try {
    await crashDuring("complete:after-amazon", () => buyer.complete(sessionId));
    expect((await e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } })).status).toBe(
      "Draft",
    );
    const { hostname, port } = new URL(EMULATOR_URL);
    const { stdout } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/reconcile.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: e2eDatabaseUrl(),
          DATA_DIR: E2E_DATA_DIR,
          AMAZON_PAY_EMULATOR_HOST: hostname,
          AMAZON_PAY_EMULATOR_PORT: port,
          LOG_LEVEL: "warn",
        },
      },
    );
    expect(stdout).toMatch(/changed [1-9]/);
    const order = await e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order.status).toBe("Paid");
    await assertOneOrderPerCompletedSession([sessionId]);
  } finally {
    await resumeReconcilers();
    await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  }
});
