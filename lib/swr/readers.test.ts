import { describe, expect, it } from "vitest";
import { readAdminOrders } from "./use-admin-orders";
import { readOrderStatus } from "./use-order-status";

const status = {
  orderNumber: "HP-0000000001",
  status: "PaymentPending",
  settled: false,
  message: { tone: "info", title: "Confirming", text: "We are confirming your payment." },
};
const row = {
  orderNumber: "HP-0000000001",
  placedAt: "2026-11-22T10:00:00.000Z",
  buyerName: null,
  total: { amount: 4540, currency: "USD" },
  status: "Paid",
  fulfillmentStatus: "Unfulfilled",
  paymentIntent: "AuthorizeWithCapture",
  flow: "Redirect",
};

describe("the browser's readers of the shop's JSON", () => {
  it("take the order status the status route answers", () => {
    expect(readOrderStatus(status)).toEqual(status);
  });

  it("refuse an order status of another shape", () => {
    for (const body of [
      null,
      "Paid",
      [],
      { ...status, settled: "no" },
      { ...status, orderNumber: 1 },
      { ...status, message: null },
      { ...status, message: { ...status.message, tone: "warning" } },
      { ...status, message: { tone: "ok", title: "Paid" } },
    ]) {
      expect(readOrderStatus(body), JSON.stringify(body)).toBeNull();
    }
  });

  it("take the merchant's order list, and refuse it when one row is off", () => {
    expect(readAdminOrders({ orders: [row, { ...row, buyerName: "Ava" }] })).toHaveLength(2);
    expect(readAdminOrders({ orders: [] })).toEqual([]);
    for (const body of [
      [row],
      { orders: [row, { ...row, total: { amount: 45.4, currency: "USD" } }] },
      { orders: [{ ...row, total: { amount: 4540, currency: "XXX" } }] },
      { orders: [{ ...row, buyerName: 7 }] },
      { orders: [{ ...row, flow: undefined }] },
    ]) {
      expect(readAdminOrders(body), JSON.stringify(body)).toBeNull();
    }
  });
});
