import { PAYMENT_FAILED_MESSAGE } from "@/lib/orders/status-messages";
import { merchantAction, openAdminOrder, signInAsMerchant } from "./support/admin";
import {
  buyOverHttp,
  eventually,
  orderBySession,
  pauseReconcilers,
  resumeReconcilers,
  emulator,
} from "./support/checkout";
import { e2eDb } from "./support/database";
import { EMULATOR_URL, shopUrl } from "./support/environment";
import { expect, test } from "./support/test";

test.afterEach(async () => {
  await fetch(`${EMULATOR_URL}/__emulator/faults`, { method: "DELETE" });
  await resumeReconcilers();
});

test.describe("pending authorizations", () => {
  test("0701 settles to Authorized through the IPN, and the buyer's page follows", async ({ page }) => {
    await pauseReconcilers(); // only the IPN may settle it: the reconciler's poll would race it
    const { base, sessionId, orderPath } = await buyOverHttp(page, "Authorize", "visa-0701");
    await page.goto(`${base}${orderPath}`);
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "Authorized", {
      timeout: 20_000,
    });
    await expect(page.getByTestId("order-status")).toContainText("Your payment is authorized");
    const order = await orderBySession(sessionId);
    expect(order.status).toBe("Authorized");
    expect(order.charges.map((c) => c.state)).toEqual(["Authorized"]);
    const ipnEvents = await e2eDb().paymentEvent.findMany({
      where: { orderId: order.id, kind: "transition", source: "ipn" },
    });
    expect(ipnEvents.map((e) => e.summary).join("\n")).toContain("PaymentPending → Authorized");
  });

  test("4354 settles to Failed and the buyer's order page says so", async ({ page }) => {
    const { base, sessionId, orderPath } = await buyOverHttp(
      page,
      "Authorize",
      "discover-4354",
      "sailcloth-tote",
    );
    await page.goto(`${base}${orderPath}`);
    await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "Failed", {
      timeout: 20_000,
    });
    await expect(page.getByTestId("order-status")).toContainText(PAYMENT_FAILED_MESSAGE);
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({ status: "Failed" });
    expect(order.charges.map((c) => [c.state, c.reasonCode])).toEqual([["Declined", "HardDeclined"]]);
  });

  test("a lost IPN is made up for by the reconciler", async ({ page }) => {
    await emulator("/__emulator/faults", { fault: "dropIpn", count: 50 });
    const { sessionId } = await buyOverHttp(page, "Authorize", "visa-0701", "tidepool-field-notebook");
    const order = await eventually(
      () => orderBySession(sessionId),
      (o) => o.status === "Authorized",
      30_000,
    );
    const sources = await e2eDb().paymentEvent.findMany({
      where: { orderId: order.id, kind: "transition" },
      select: { source: true, summary: true },
    });
    expect(sources.find((e) => e.summary.includes("→ Authorized"))?.source).toBe("poll");
    expect(sources.some((e) => e.source === "ipn")).toBe(false);
  });
});

test.describe("notifications are verified", () => {
  test("forged and replayed IPNs change nothing and are logged", async ({ page, request }) => {
    const { sessionId } = await buyOverHttp(page, "Authorize", "visa-1111", "pine-needle-candle");
    const order = await orderBySession(sessionId);
    // Notifications may still be on their way when the order page shows: wait until all are answered.
    const notifications = async () => {
      const { ipns } = (await emulator("/__emulator/ipn")) as {
        ipns: { id: string; status: string; message: { ObjectId: string } | null }[];
      };
      return {
        inFlight: ipns.filter((entry) => entry.status === "pending" || entry.status === "retrying").length,
        charged: ipns.filter(
          (entry) => entry.message?.ObjectId === order.chargeId && entry.status === "delivered",
        ),
      };
    };
    const { charged } = await eventually(notifications, (n) => n.inFlight === 0 && n.charged.length > 0);
    const before = await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } });
    // Replay: the same envelope again is a duplicate.
    const duplicates = () =>
      e2eDb().paymentEvent.count({ where: { kind: "ipn", summary: { contains: "Duplicate IPN" } } });
    const duplicatesBefore = await duplicates();
    await emulator(`/__emulator/ipn/${charged[0]!.id}/replay`, {});
    await eventually(duplicates, (n) => n > duplicatesBefore);

    // Forged: a message claiming the charge was declined, signed by nobody Amazon knows.
    const envelope = {
      Type: "Notification",
      MessageId: "forged-1",
      TopicArn: "arn:aws:sns:us-east-1:000000000000:forged",
      Message: JSON.stringify({
        MerchantID: "A",
        ObjectType: "CHARGE",
        ObjectId: order.chargeId,
        ChargePermissionId: order.chargePermissionId,
        NotificationType: "STATE_CHANGE",
        NotificationId: "forged-n",
        NotificationVersion: "V2",
      }),
      Timestamp: new Date().toISOString(),
      SignatureVersion: "1",
      Signature: Buffer.from("not a signature").toString("base64"),
      SigningCertURL: `${EMULATOR_URL}/__emulator/sns/SimpleNotificationService-00000000000000000000000000000000.pem`,
    };
    const forged = await request.post(`${shopUrl("Authorize")}/api/amazon-pay/ipn`, {
      data: JSON.stringify(envelope),
      headers: { "content-type": "text/plain" },
    });
    expect(forged.status()).toBe(400);
    const evilHost = await request.post(`${shopUrl("Authorize")}/api/amazon-pay/ipn`, {
      data: JSON.stringify({ ...envelope, SigningCertURL: "https://evil.example/cert.pem" }),
      headers: { "content-type": "text/plain" },
    });
    expect(evilHost.status()).toBe(400);
    const garbage = await request.post(`${shopUrl("Authorize")}/api/amazon-pay/ipn`, {
      data: "{not json",
      headers: { "content-type": "text/plain" },
    });
    expect(garbage.status()).toBe(400);
    const after = await e2eDb().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.version).toBe(before.version);
    expect(after.status).toBe(before.status);
    expect(
      await e2eDb().paymentEvent.count({ where: { kind: "ipn", summary: { startsWith: "Rejected IPN" } } }),
    ).toBeGreaterThanOrEqual(3);
  });
});

test.describe("merchant actions", () => {
  test("the merchant area refuses a wrong password and anonymous visitors", async ({ page, request }) => {
    const anonymous = await request.get(`${shopUrl()}/api/admin/orders`);
    expect(anonymous.status()).toBe(401);
    await page.goto(`${shopUrl()}/admin/orders`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("admin-login-status")).toHaveText("That password is not correct.");
    await expect(page).toHaveURL(/\/admin\/login/);
  });

  test("Authorize, then ship: captures first, tells Amazon the tracking number", async ({ page }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(page, "Authorize");
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    await page.getByTestId("ship-form").getByLabel("Carrier").selectOption("UPS");
    const message = await merchantAction(page, "ship-form", { "Tracking number": "1Z999AA10123456784" });
    expect(message).toContain("Marked as shipped with UPS 1Z999AA10123456784");
    const order = await orderBySession(sessionId);
    expect(order).toMatchObject({
      status: "Paid",
      fulfillmentStatus: "Shipped",
      carrierCode: "UPS",
      trackingNumber: "1Z999AA10123456784",
      capturedMinor: order.totalMinor,
    });
    expect(order.charges.map((c) => c.state)).toEqual(["Captured"]);
    await page.goto(`${base}/orders/${orderNumber}`);
    await expect(page.getByTestId("order-shipment")).toContainText("UPS");
  });

  test("partial capture, another capture for the rest, then a partial refund settled by IPN", async ({
    page,
  }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(
      page,
      "Authorize",
      "visa-1111",
      "copper-pour-over-kettle",
      2,
    );
    const total = (await orderBySession(sessionId)).totalMinor;
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    expect(await merchantAction(page, "capture-form", { "Amount to capture": "50.00" })).toContain(
      "Captured $50.00",
    );
    expect((await orderBySession(sessionId)).status).toBe("PartiallyPaid");
    await page.reload();
    expect(await merchantAction(page, "capture-form")).toMatch(/Charged and captured|Captured/);
    const paid = await orderBySession(sessionId);
    expect(paid).toMatchObject({ status: "Paid", capturedMinor: total });
    expect(paid.charges.map((c) => c.state)).toEqual(["Captured", "Captured"]);
    await page.reload();
    expect(await merchantAction(page, "refund-form", { "Amount to refund": "20.00" })).toContain(
      "Refund of $20.00 requested",
    );
    const refunded = await eventually(
      () => orderBySession(sessionId),
      (o) => o.status === "PartiallyRefunded",
    );
    expect(refunded.refundedMinor).toBe(2000);
    expect(refunded.refunds.map((r) => r.state)).toEqual(["Refunded"]);
    await page.reload();
    await expect(page.getByTestId("admin-refunded")).toHaveText("$20.00");
    await expect(page.getByTestId("admin-events")).toContainText("createRefund");
  });

  test("a full refund of a paid order", async ({ page }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(
      page,
      "AuthorizeWithCapture",
      "visa-1111",
      "lighthouse-enamel-pin",
      2,
    );
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    expect(await merchantAction(page, "refund-form")).toContain("requested");
    const order = await eventually(
      () => orderBySession(sessionId),
      (o) => o.status === "Refunded",
    );
    expect(order.refundedMinor).toBe(order.totalMinor);
    await page.goto(`${base}/orders/${orderNumber}`);
    await expect(page.getByTestId("order-status")).toContainText("refunded");
  });

  test("cancel an authorization", async ({ page }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(
      page,
      "Authorize",
      "visa-1111",
      "harbor-ceramic-mug",
    );
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    expect(await merchantAction(page, "cancel-form")).toContain("Authorization canceled");
    const order = await orderBySession(sessionId);
    expect(order.status).toBe("Canceled");
    expect(order.charges.map((c) => [c.state, c.reasonCode])).toEqual([["Canceled", "MerchantCanceled"]]);
  });

  test("the same action submitted twice runs once", async ({ page }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(
      page,
      "Authorize",
      "visa-1111",
      "driftwood-serving-board",
    );
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    const form = page.getByTestId("capture-form");
    await form.getByLabel("Amount to capture").fill("10.00");
    // Double click: two submissions of the same rendered form (same action key).
    await form.evaluate((element: HTMLFormElement) => {
      element.requestSubmit();
      element.requestSubmit();
    });
    await expect(page.getByTestId("capture-form-status")).not.toHaveText("");
    await page.waitForTimeout(1000);
    const order = await orderBySession(sessionId);
    expect(order.capturedMinor).toBe(1000);
    expect(await e2eDb().merchantAction.count({ where: { orderId: order.id, kind: "capture" } })).toBe(1);
  });

  test("Amazon's refusal reaches the merchant as a sentence with its reason code", async ({ page }) => {
    const { base, sessionId, orderNumber } = await buyOverHttp(
      page,
      "Authorize",
      "visa-1111",
      "tidepool-field-notebook",
    );
    await signInAsMerchant(page, base);
    await openAdminOrder(page, base, orderNumber);
    // The authorization expires at Amazon (30 days) while the shop has not heard of it yet.
    await pauseReconcilers();
    await emulator("/__emulator/faults", { fault: "dropIpn", count: 100 });
    await emulator("/__emulator/clock", { advanceSeconds: 31 * 86_400 });
    try {
      const message = await merchantAction(page, "capture-form");
      expect(message).toContain("The payment is not in a state that allows this");
      expect(message).toContain("(InvalidChargeStatus)");
      expect(message).not.toMatch(/AmazonPayError|HTTP 422/);
      // The refusal made the shop read the charge again: it now knows the authorization expired.
      const order = await orderBySession(sessionId);
      expect(order.charges.map((c) => [c.state, c.reasonCode])).toEqual([["Canceled", "ExpiredUnused"]]);
      expect(order.status).toBe("Canceled");
    } finally {
      await resumeReconcilers(); // the emulator clock stays ahead: it only moves forward
    }
  });

  test("the merchant list filters by status", async ({ page }) => {
    const { base, orderNumber } = await buyOverHttp(page, "Confirm", "visa-1111", "sailcloth-tote");
    await signInAsMerchant(page, base);
    await page.goto(`${base}/admin/orders?status=AwaitingCharge`);
    await expect(page.getByTestId(`admin-order-${orderNumber}`)).toBeVisible();
    await page.goto(`${base}/admin/orders?status=Paid`);
    await expect(page.getByTestId(`admin-order-${orderNumber}`)).toHaveCount(0);
  });
});
