import { CRASH_POINTS, type CrashPoint } from "@/lib/env";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eventually, pauseReconcilers, resumeReconcilers, emulator } from "./support/checkout";
import { e2eDb } from "./support/database";
import { E2E_DATA_DIR, e2eDatabaseUrl, EMULATOR_URL, SHOPS } from "./support/environment";
import { HttpBuyer } from "./support/http-buyer";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { crashAt, startShop, type ShopProcess } from "./support/shop-process";
import { expect, test } from "./support/test";

// The server is killed with a real SIGKILL at each step of checkout, and the buyer carries on
// at another server on the same database. Every checkout must end as one recorded order with its
// charge ids, or as a clean failure the buyer can retry: never a charge without an order, never
// two orders for one session. The shop keeps no state outside the database, so the server that
// carries on runs for the whole file, and each test's crashing server starts while the test
// before it runs (a `next start` takes seconds).
const PORT = SHOPS.AuthorizeWithCapture.port + 20; // the crashing servers: PORT and PORT + 1
const SURVIVOR_PORT = PORT + 5;
const run = promisify(execFile);

test.describe.configure({ mode: "serial" });

/** The crash point of each test's server, in the order the tests run. */
const CRASHING: CrashPoint[] = [
  ...CRASH_POINTS.filter((p) => p.startsWith("place-order")),
  ...CRASH_POINTS.filter((p) => p.startsWith("complete")).flatMap((p) => [p, p]),
  "complete:after-amazon",
];
const starting = new Map<number, Promise<ShopProcess>>();

/** Starts test `index`'s crashing server, on one of two ports: the one before it has stopped by then. */
function startCrashing(index: number): void {
  if (index >= CRASHING.length || starting.has(index)) return;
  const started = startShop({ port: PORT + (index % 2), quiet: true, env: crashAt(CRASHING[index]!) });
  started.catch(() => {}); // awaited by its test, which reports the failure
  starting.set(index, started);
}

/** Test `index`'s crashing server; the next test's starts meanwhile. */
async function crashingShop(index: number, point: CrashPoint): Promise<ShopProcess> {
  expect(CRASHING[index]).toBe(point);
  // A server started ahead for a test that did not run (a run filtered with -g) holds the port.
  for (const [other, started] of starting) {
    if (other === index || other % 2 !== index % 2) continue;
    await started.then((s) => s.stop()).catch(() => {});
    starting.delete(other);
  }
  startCrashing(index);
  const started = await starting.get(index)!;
  startCrashing(index + 1);
  return started;
}

let survivor: ShopProcess | undefined;
let shop: ShopProcess | undefined;
test.beforeAll(async () => {
  startCrashing(0);
  survivor = await startShop({ port: SURVIVOR_PORT, quiet: true });
});
test.afterAll(async () => {
  await survivor?.stop();
  for (const started of starting.values()) await started.then((s) => s.stop()).catch(() => {});
});
test.afterEach(async () => {
  await resumeReconcilers();
  await shop?.stop();
  shop = undefined;
});

/** The step kills the server at `point`; the buyer then goes on at the surviving server. */
async function crashDuring(point: CrashPoint, buyer: HttpBuyer, step: () => Promise<unknown>): Promise<void> {
  await expect(step()).rejects.toThrow();
  const signal = await Promise.race([
    shop!.exited.then(() => shop!.child.signalCode),
    new Promise((resolve) => setTimeout(() => resolve("still running"), 10_000)),
  ]);
  expect(signal, `the server should have been killed at ${point}`).toBe("SIGKILL");
  buyer.shopUrl = survivor!.url;
}

async function readyToPay(buyer: HttpBuyer): Promise<string> {
  await buyer.addToCart("harbor-ceramic-mug", 2);
  const sessionId = await buyer.checkoutAtAmazon();
  await buyer.html(buyer.reviewPath(sessionId));
  return sessionId;
}

let index = 0; // each test's position in CRASHING
for (const point of CRASH_POINTS.filter((p) => p.startsWith("place-order"))) {
  const position = index++;
  test(`SIGKILL at ${point}: the buyer presses Place order again and pays once`, async () => {
    shop = await crashingShop(position, point);
    const buyer = new HttpBuyer(shop.url);
    const sessionId = await readyToPay(buyer);
    await crashDuring(point, buyer, () => buyer.placeOrder(sessionId));
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
    const position = index++;
    test(`SIGKILL at ${point}: ${buyerReturns ? "the buyer reloads the result page" : "the buyer never comes back, the reconciler finishes"}`, async () => {
      shop = await crashingShop(position, point);
      const buyer = new HttpBuyer(shop.url);
      const sessionId = await readyToPay(buyer);
      // Until the crash, no reconciler may take the draft over: on a slow machine its grace can
      // run out before the buyer's Complete, which would then find the work done and not crash.
      await pauseReconcilers();
      await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
      await crashDuring(point, buyer, () => buyer.complete(sessionId));
      await resumeReconcilers();
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

const reconcileTest = index++;
test("npm run reconcile finishes a checkout the crashed server left behind", async () => {
  shop = await crashingShop(reconcileTest, "complete:after-amazon");
  const buyer = new HttpBuyer(shop.url);
  const sessionId = await readyToPay(buyer);
  // Only the command may finish it: no server reconciler, and no IPN (an IPN finishes it too).
  // Paused before Place order: a reconciler that tried the draft while the buyer was still at
  // Amazon would schedule its next check past the command's run, which would then skip it.
  await pauseReconcilers();
  try {
    await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
    await emulator("/__emulator/faults", { fault: "dropIpn", count: 100 });
    await crashDuring("complete:after-amazon", buyer, () => buyer.complete(sessionId));
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
