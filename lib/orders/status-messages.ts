import type { OrderStatus } from "./state-machine";

export const PAYMENT_FAILED_MESSAGE = "Your payment was not successful. Please try another payment method.";

export interface StatusMessage {
  tone: "ok" | "info" | "error";
  title: string;
  text: string;
}

export function buyerStatusMessage(status: OrderStatus, buyerReturned: boolean): StatusMessage {
  switch (status) {
    case "Draft":
      return buyerReturned
        ? {
            tone: "info",
            title: "Confirming your payment",
            text: "We are confirming your payment with Amazon Pay. This page updates by itself.",
          }
        : {
            tone: "info",
            title: "Waiting for Amazon Pay",
            text: "Your order is not complete until you confirm the payment with Amazon Pay.",
          };
    case "PaymentPending":
      return {
        tone: "info",
        title: "Payment pending",
        text: "Thank you! Amazon Pay is still processing your payment. This page updates by itself, and we will email you once it is confirmed.",
      };
    case "Authorized":
      return {
        tone: "ok",
        title: "Thank you for your order",
        text: "Your payment is authorized. We charge it when your order ships.",
      };
    case "AwaitingCharge":
      return {
        tone: "ok",
        title: "Thank you for your order",
        text: "Your order is confirmed. We charge your Amazon Pay account when it ships.",
      };
    case "PartiallyPaid":
    case "Paid":
      return { tone: "ok", title: "Thank you for your order", text: "Your payment is complete." };
    case "PartiallyRefunded":
      return {
        tone: "ok",
        title: "Partially refunded",
        text: "Part of your payment was refunded to your Amazon Pay payment method.",
      };
    case "Refunded":
      return {
        tone: "ok",
        title: "Refunded",
        text: "Your payment was refunded to your Amazon Pay payment method.",
      };
    case "Failed":
      return { tone: "error", title: "Payment not successful", text: PAYMENT_FAILED_MESSAGE };
    case "Canceled":
      return {
        tone: "info",
        title: "Order canceled",
        text: "This order was canceled and your payment was released.",
      };
  }
}
