// Buy Now over HTTP: shared setup and helpers of the suites in this folder.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { RunningEmulator } from "../../src/index";
import { addMerchant, BUYERS, call, emulatorJson, startTestEmulator, type TestMerchant } from "../helpers";

export let emulator: RunningEmulator;
export let merchant: TestMerchant;

/** Registers the suite's hooks; the `let` bindings above are set by them. */
export function setUpBuyNow(): void {
  beforeAll(async () => {
    emulator = await startTestEmulator({ config: { asyncDelayMs: 50 } });
    merchant = addMerchant(emulator);
  });
  beforeEach(() => {
    emulator.emulator.reset();
    emulator.emulator.updateConfig({ buyNowRequireSignedConfig: false });
  });
  afterAll(() => emulator.close());
}

export const USD = (amount: string) => ({ amount, currencyCode: "USD" });
export const cart = (shipping = "5.00", total = "32.40") => ({
  lineItems: [
    { id: "mug", title: "Harbor mug", quantity: "2", listPrice: USD("12.50"), totalListPrice: USD("25.00") },
  ],
  deliveryOptions: [
    {
      id: "std",
      price: USD("5.00"),
      shippingMethod: { shippingMethodName: "Standard", shippingMethodCode: "STD" },
      isDefault: true,
    },
    {
      id: "exp",
      price: USD("15.00"),
      shippingMethod: { shippingMethodName: "Express", shippingMethodCode: "EXP" },
      isDefault: false,
    },
  ],
  totalBaseAmount: USD("25.00"),
  totalShippingAmount: USD(shipping),
  totalTaxAmount: USD("2.40"),
  totalChargeAmount: USD(total),
});

export interface Choices {
  amazonCheckoutSessionId: string;
  buyers: {
    buyerId: string;
    addresses: { id: string; restriction: string | null; address: Record<string, string | null> }[];
  }[];
  paymentMethods: { id: string; descriptor: string }[];
}

export async function start(config: Record<string, unknown> = {}, productType = "PayAndShip") {
  return emulatorJson<Choices>(emulator, "/checkout/buy-now/sessions", {
    body: {
      merchantId: merchant.record.merchantId,
      ledgerCurrency: "USD",
      productType,
      placement: "Product",
      checkoutSessionConfig: {
        storeId: merchant.record.storeId,
        scopes: ["name", "email", "phoneNumber", "billingAddress"],
        paymentDetails: { paymentIntent: "AuthorizeWithCapture" },
        ...config,
      },
    },
  });
}
export const post = <T = Record<string, unknown>>(id: string, action: string, body: unknown) =>
  emulatorJson<T>(emulator, `/checkout/buy-now/sessions/${id}/${action}`, { body });

/** The dialog's happy path up to Pay now; returns the session id and the onCompleteCheckout event. */
export async function readyToPay(paymentMethodId = "visa-1111", config: Record<string, unknown> = {}) {
  const started = await start(config);
  expect(started.status).toBe(201);
  const id = started.body.amazonCheckoutSessionId;
  const event = await post(id, "selection", { buyerId: BUYERS.ava, addressId: "ava-home", paymentMethodId });
  expect(event.status).toBe(200);
  expect((await post(id, "cart", { event: "init", cartDetails: cart() })).status).toBe(200);
  const confirmed = await post<Record<string, unknown>>(id, "confirm", {});
  expect(confirmed.status).toBe(200);
  return { id, event: confirmed.body };
}

export const finalize = (id: string, body: Record<string, unknown>, simulationCode?: string) =>
  call(emulator, merchant, {
    method: "POST",
    path: `/v2/checkoutSessions/${id}/finalize`,
    body,
    simulationCode,
  });
