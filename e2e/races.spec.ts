import { EMULATOR_URL, shopUrl } from "./support/environment";
import { e2eDb } from "./support/database";
import { HttpBuyer } from "./support/http-buyer";
import { assertOneOrderPerCompletedSession } from "./support/emulator-state";
import { expect, test } from "./support/test";

test("50 concurrent completions of one checkout session, IPNs racing them: one order, one charge", async () => {
  const buyer = new HttpBuyer(shopUrl());
  await buyer.addToCart("copper-pour-over-kettle");
  const sessionId = await buyer.checkoutAtAmazon();
  await buyer.html(buyer.reviewPath(sessionId));
  await buyer.payAtAmazon(await buyer.placeOrder(sessionId));
  const form = await buyer.completionForm(sessionId);

  // Replay every IPN about this checkout while the completions run (the buyer's return and
  // Amazon's notifications racing each other).
  let racing = true;
  const replays = (async () => {
    let sent = 0;
    while (racing && sent < 40) {
      const { ipns } = (await (await fetch(`${EMULATOR_URL}/__emulator/ipn`)).json()) as {
        ipns: { id: string; status: string }[];
      };
      for (const ipn of ipns.slice(-3)) {
        await fetch(`${EMULATOR_URL}/__emulator/ipn/${ipn.id}/replay`, { method: "POST" });
        sent++;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const destinations = await Promise.all(Array.from({ length: 50 }, () => buyer.complete(sessionId, form)));
  racing = false;
  await replays;

  expect(new Set(destinations).size).toBe(1);
  expect(destinations[0]).toMatch(/\/orders\/HP-/);
  const orders = await e2eDb().order.findMany({
    where: { checkoutSessionId: sessionId },
    include: { charges: true },
  });
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ status: "Paid", capturedMinor: orders[0]!.totalMinor });
  expect(orders[0]!.charges).toHaveLength(1);
  await assertOneOrderPerCompletedSession([sessionId]);
});
