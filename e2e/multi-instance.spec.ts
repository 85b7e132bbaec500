import { eventually, pauseReconcilers, resumeReconcilers } from "./support/checkout";
import { e2eDb } from "./support/database";
import { SHOPS } from "./support/environment";
import { HttpBuyer } from "./support/http-buyer";
import { startRoundRobinProxy, type RoundRobinProxy } from "./support/round-robin-proxy";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { crashAt, startShop, type ShopProcess } from "./support/shop-process";
import { expect, test } from "./support/test";

// Two storefront instances on one database behind a round-robin "load balancer": consecutive
// requests of one buyer land on different instances. They share the database and the
// configuration listed in README "Deployment" (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, ...).
const BALANCER_PORT = SHOPS.AuthorizeWithCapture.port + 30;
const INSTANCE_PORTS = [BALANCER_PORT + 1, BALANCER_PORT + 2];
const PUBLIC_URL = `http://127.0.0.1:${BALANCER_PORT}`;

test.describe.configure({ mode: "serial" });

let instances: ShopProcess[] = [];
let balancer: RoundRobinProxy | undefined;

test.beforeAll(async () => {
  instances = await Promise.all(
    INSTANCE_PORTS.map((port) => startShop({ port, quiet: true, env: { SHOP_URL: PUBLIC_URL } })),
  );
  balancer = await startRoundRobinProxy(
    BALANCER_PORT,
    instances.map((instance) => instance.url),
  );
});

test.afterAll(async () => {
  await balancer?.close();
  await Promise.all(instances.map((instance) => instance.stop()));
});

async function checkout(buyer: HttpBuyer): Promise<string> {
  await buyer.addToCart("pine-needle-candle", 2);
  const sessionId = await buyer.checkoutAtAmazon();
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  return sessionId;
}

test("a checkout whose requests alternate between the instances completes once", async () => {
  const buyer = new HttpBuyer(PUBLIC_URL);
  const sessionId = await checkout(buyer);
  expect(await buyer.complete(sessionId)).toMatch(/\/orders\/HP-/);
  await assertOneOrderPerCompletedSession([sessionId]);
  expect(balancer!.counts.every((count) => count > 2)).toBe(true);
});

test("50 concurrent completions spread over both instances: one order, one charge", async () => {
  const buyer = new HttpBuyer(PUBLIC_URL);
  const sessionId = await checkout(buyer);
  const form = await buyer.completionForm(sessionId);
  const destinations = await Promise.all(Array.from({ length: 50 }, () => buyer.complete(sessionId, form)));
  expect(new Set(destinations).size).toBe(1);
  const orders = await e2eDb().order.findMany({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
  expect(orders).toHaveLength(1);
  expect(orders[0]!.charges).toHaveLength(1);
  await assertOneOrderPerCompletedSession([sessionId]);
});

test("the periodic reconciler runs on one instance at a time (database lease)", async () => {
  const holders = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const lease = await e2eDb().lease.findUnique({ where: { name: "reconciler" } });
    if (lease && lease.expiresAt > new Date()) holders.add(lease.holder);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(holders.size).toBe(1);
});

test("an instance killed after Amazon completed: the survivor's reconciler records the order", async () => {
  // One instance crashes at the worst moment; the balancer keeps sending to both, like a real
  // one does until its health check notices.
  const crashing = await startShop({
    port: INSTANCE_PORTS[1]! + 2,
    quiet: true,
    env: { SHOP_URL: PUBLIC_URL, ...crashAt("complete:after-amazon") },
  });
  try {
    // Until the crash no reconciler may complete the draft first (on a slow machine the buyer's
    // return can come after the draft's grace), or the crash point is never reached.
    await pauseReconcilers();
    const buyer = new HttpBuyer(PUBLIC_URL);
    const sessionId = await checkout(buyer);
    // The buyer's return lands on the instance that is about to die.
    balancer!.setBackends([crashing.url]);
    await expect(buyer.complete(sessionId)).rejects.toThrow();
    expect(await crashing.exited.then(() => crashing.child.signalCode)).toBe("SIGKILL");
    await resumeReconcilers();
    balancer!.setBackends(instances.map((instance) => instance.url));
    const order = await eventually(
      () => e2eDb().order.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } }),
      (o) => o.status === "Paid",
      30_000,
    );
    expect(order.chargeId).toBeTruthy();
    await assertOneOrderPerCompletedSession([sessionId]);
  } finally {
    await resumeReconcilers();
    await crashing.stop();
  }
});
