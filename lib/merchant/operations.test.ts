// What the merchant does after checkout, on an order paid with paymentIntent Authorize: capture
// (all, part, the rest), refund, cancel, close and ship. Each action runs once per action key
// (the form's), and every Amazon call carries a key derived from it. Emulator and a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { completeCheckout } from "@/lib/checkout/complete";
import { cancelAuthorization, closeChargePermission } from "@/lib/merchant/cancel";
import { capturePayment } from "@/lib/merchant/capture";
import { refreshFromAmazon } from "@/lib/merchant/order-action";
import { refundPayment } from "@/lib/merchant/refund";
import { shipOrder } from "@/lib/merchant/ship";
import { formatMoney, money } from "@/lib/money";
import { clearEmulatorLog, emulatorApiCalls, recordedAmazonCalls } from "@/tests/helpers/amazon-calls";
import { paidAtAmazon } from "@/tests/helpers/checkout-journey";
import { createTestDatabase } from "@/tests/helpers/database";
import { startShopHarness, type ShopHarness } from "@/tests/helpers/shop-harness";

vi.mock("next/headers", () => import("@/tests/helpers/next-request"));

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShopHarness(await createTestDatabase(), { intent: "Authorize", asyncDelayMs: 50 });
});
afterAll(() => shop.close());

let keys = 0;
/** The idempotency key the order page renders into each form. */
const actionKey = () => `merchant-action-${++keys}-${Date.now()}`;
const usd = (minor: number) => formatMoney(money(minor, "USD"), "en-US");

const orderNamed = (orderNumber: string) =>
  shop.prisma.order.findUniqueOrThrow({
    where: { orderNumber },
    include: { charges: { orderBy: { createdAt: "asc" } }, refunds: true },
  });

/** A buyer checked out with Authorize: the payment is authorized, nothing captured yet. */
async function authorizedOrder() {
  const { buyer, sessionId, order } = await paidAtAmazon(shop);
  await completeCheckout(sessionId, buyer.cartId, "return");
  const authorized = await orderNamed(order.orderNumber);
  expect(authorized).toMatchObject({ status: "Authorized", capturedMinor: 0 });
  return authorized;
}

describe("Merchant operations", () => {
  it("capture takes the authorized amount with a key derived from the action key: the order is Paid", async () => {
    const order = await authorizedOrder();
    const key = actionKey();

    const outcome = await capturePayment(order.orderNumber, key, null);

    expect(outcome).toEqual({ ok: true, message: `Captured ${usd(order.totalMinor)}.` });
    const after = await orderNamed(order.orderNumber);
    expect(after).toMatchObject({ status: "Paid", capturedMinor: order.totalMinor });
    expect(after.charges).toEqual([
      expect.objectContaining({ state: "Captured", capturedMinor: order.totalMinor }),
    ]);
    expect((await recordedAmazonCalls(shop.prisma, order.id)).at(-1)).toMatchObject({
      operation: "captureCharge",
      status: 200,
      idempotencyKey: idempotencyKeyFor("capture", `${key}:${order.chargeId}`),
    });
  });

  it("the same form sent twice captures once: the second answer comes from the action ledger", async () => {
    const order = await authorizedOrder();
    const key = actionKey();
    const first = await capturePayment(order.orderNumber, key, null);
    clearEmulatorLog(shop.emulator);

    expect(await capturePayment(order.orderNumber, key, null)).toEqual(first);
    expect(emulatorApiCalls(shop.emulator)).toEqual([]);
  });

  it("a partial capture leaves the rest open; capturing the rest creates a second charge on the charge permission", async () => {
    const order = await authorizedOrder();

    const part = await capturePayment(order.orderNumber, actionKey(), 1000);

    expect(part).toEqual({ ok: true, message: `Captured ${usd(1000)}.` });
    expect(await orderNamed(order.orderNumber)).toMatchObject({
      status: "PartiallyPaid",
      capturedMinor: 1000,
    });
    const rest = await capturePayment(order.orderNumber, actionKey(), null);
    expect(rest).toEqual({ ok: true, message: `Charged and captured ${usd(order.totalMinor - 1000)}.` });
    const after = await orderNamed(order.orderNumber);
    expect(after).toMatchObject({ status: "Paid", capturedMinor: order.totalMinor });
    expect(after.charges.map((charge) => [charge.state, charge.capturedMinor])).toEqual([
      ["Captured", 1000],
      ["Captured", order.totalMinor - 1000],
    ]);
  });

  it("refuses to capture more than is open, in words the merchant can act on", async () => {
    const order = await authorizedOrder();

    expect(await capturePayment(order.orderNumber, actionKey(), order.totalMinor + 1)).toEqual({
      ok: false,
      error: `You can capture between $0.01 and ${usd(order.totalMinor)}.`,
    });
    expect(await refundPayment(order.orderNumber, actionKey(), null)).toEqual({
      ok: false,
      error: "Nothing is left to refund on this order.",
    });
  });

  it("a refund is RefundInitiated at once and Refunded when Amazon settles it", async () => {
    const order = await authorizedOrder();
    await capturePayment(order.orderNumber, actionKey(), null);

    const outcome = await refundPayment(order.orderNumber, actionKey(), 500);

    expect(outcome).toEqual({
      ok: true,
      message: `Refund of ${usd(500)} requested; Amazon Pay confirms it shortly.`,
    });
    expect((await orderNamed(order.orderNumber)).refunds).toEqual([
      expect.objectContaining({ state: "RefundInitiated", amountMinor: 500 }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // the emulator settles refunds after 50 ms
    expect(await refreshFromAmazon(order.orderNumber)).toEqual({
      ok: true,
      message: "Refreshed from Amazon Pay.",
    });
    const after = await orderNamed(order.orderNumber);
    expect(after).toMatchObject({ status: "PartiallyRefunded", refundedMinor: 500 });
    expect(after.refunds).toEqual([expect.objectContaining({ state: "Refunded" })]);
  });

  it("cancel releases the authorization: the charge and the order are Canceled", async () => {
    const order = await authorizedOrder();

    const outcome = await cancelAuthorization(order.orderNumber, actionKey(), "Out of stock");

    expect(outcome).toEqual({ ok: true, message: "Authorization canceled." });
    const after = await orderNamed(order.orderNumber);
    expect(after.status).toBe("Canceled");
    expect(after.charges).toEqual([expect.objectContaining({ state: "Canceled" })]);
  });

  it("closing the charge permission cancels what is pending and allows no further charges", async () => {
    const order = await authorizedOrder();

    const outcome = await closeChargePermission(order.orderNumber, actionKey(), "Order canceled", true);

    expect(outcome.ok).toBe(true);
    const after = await orderNamed(order.orderNumber);
    expect(after).toMatchObject({ status: "Canceled", chargePermissionState: "Closed" });
    expect(await closeChargePermission(order.orderNumber, actionKey(), "again", true)).toEqual({
      ok: false,
      error: "The charge permission is already closed.",
    });
  });

  it("shipping an authorized order captures it first, then tells Amazon's Delivery Tracker", async () => {
    const order = await authorizedOrder();
    const trackingNumber = `1Z${Date.now()}`;

    const outcome = await shipOrder(order.orderNumber, actionKey(), "UPS", trackingNumber);

    expect(outcome).toEqual({
      ok: true,
      message: `Marked as shipped with UPS ${trackingNumber}; Amazon will notify the buyer.`,
    });
    expect(await orderNamed(order.orderNumber)).toMatchObject({
      status: "Paid",
      fulfillmentStatus: "Shipped",
      carrierCode: "UPS",
      trackingNumber,
    });
    expect(shop.emulator.emulator.store.deliveryTrackers).toContainEqual(
      expect.objectContaining({ chargePermissionId: order.chargePermissionId }),
    );
  });

  it("a pending authorization (card …0701): capture waits until Amazon settles it", async () => {
    const { buyer, sessionId, order } = await paidAtAmazon(shop, {
      choice: { paymentMethodId: "visa-0701" },
    });
    await completeCheckout(sessionId, buyer.cartId, "return"); // Amazon answers 202: pending

    expect(await orderNamed(order.orderNumber)).toMatchObject({ status: "PaymentPending" });
    expect(await capturePayment(order.orderNumber, actionKey(), null)).toEqual({
      ok: false,
      error: "The authorization is still pending at Amazon Pay; capture once it is authorized.",
    });
    await new Promise((resolve) => setTimeout(resolve, 150)); // the emulator settles it after 50 ms
    await refreshFromAmazon(order.orderNumber);
    expect(await orderNamed(order.orderNumber)).toMatchObject({ status: "Authorized" });
    expect(await capturePayment(order.orderNumber, actionKey(), null)).toMatchObject({ ok: true });
  });

  it("when Amazon's copy moved on (canceled elsewhere), the refusal is explained and the order refreshed", async () => {
    const order = await authorizedOrder();
    await amazonPay().client.charges.cancel(order.chargeId!, {
      cancellationReason: "Canceled in Seller Central",
    });

    const outcome = await capturePayment(order.orderNumber, actionKey(), null);

    expect(outcome).toEqual({ ok: false, error: expect.stringContaining("(InvalidChargeStatus)") });
    expect(await orderNamed(order.orderNumber)).toMatchObject({ status: "Canceled" });
  });
});
