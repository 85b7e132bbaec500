// What a buyer's browser does on Amazon's side, over plain HTTP against the emulator: click the
// shop's Amazon Pay button, choose on the hosted page, follow amazonPayRedirectUrl; or go
// through the Buy Now dialog. The shop's own signed button configurations start each flow.
import type { RunningEmulator } from "@storefront/amazon-pay-emulator";
import { TEST_BUYERS } from "@storefront/amazon-pay-emulator";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { buyNowButtonProps, type CartDetailsAnswer } from "@/lib/checkout/buy-now";

/** Ava Johnson, the emulator's first test buyer (addresses ava-home in WA, ava-work in TX, ava-po-box). */
export const AVA = TEST_BUYERS[0]!.buyerId;

export interface AmazonChoice {
  buyerId?: string;
  addressId?: string;
  /** visa-1111 approves; visa-3434 declines; mastercard-3064 cancels; visa-0701 is pending. */
  paymentMethodId?: string;
}

async function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

async function redirectTarget(response: Response, step: string): Promise<URL> {
  const location = response.headers.get("location");
  if (response.status !== 303 || !location)
    throw new Error(`${step} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return new URL(location, "http://amazon.test");
}

const sessionIdIn = (url: URL): string => {
  const id = url.searchParams.get("amazonCheckoutSessionId");
  if (!id) throw new Error(`no amazonCheckoutSessionId in ${url.href}`);
  return id;
};

/**
 * The buyer presses the cart's Amazon Pay button and chooses a buyer, address and card on
 * Amazon's hosted page. Returns the Checkout Session id and the review URL Amazon sends them to.
 */
export async function checkOutAtAmazon(
  emulator: RunningEmulator,
  choice: AmazonChoice = {},
): Promise<{ sessionId: string; reviewUrl: string }> {
  const button = checkoutButtonProps();
  const started = await postForm(`${emulator.url}/checkout/start`, {
    ...button.createCheckoutSessionConfig,
    merchantId: button.merchantId,
  });
  const sessionId = sessionIdIn(await redirectTarget(started, "the Amazon Pay button"));
  return { sessionId, reviewUrl: await chooseAtAmazon(emulator, sessionId, choice) };
}

/** The buyer submits Amazon's hosted page (again, to change the address or card); returns the review URL. */
export async function chooseAtAmazon(
  emulator: RunningEmulator,
  sessionId: string,
  choice: AmazonChoice = {},
): Promise<string> {
  const chosen = await postForm(`${emulator.url}/checkout`, {
    amazonCheckoutSessionId: sessionId,
    buyerId: choice.buyerId ?? AVA,
    addressId: choice.addressId ?? "ava-home",
    paymentMethodId: choice.paymentMethodId ?? "visa-1111",
  });
  return (await redirectTarget(chosen, "the hosted page")).href;
}

/** The browser follows amazonPayRedirectUrl; Amazon processes the payment and answers with the result URL. */
export async function followAmazonPayRedirect(amazonPayRedirectUrl: string): Promise<string> {
  const processed = await fetch(amazonPayRedirectUrl, { redirect: "manual" });
  return (await redirectTarget(processed, "amazonPayRedirectUrl")).href;
}

async function dialogCall<T>(emulator: RunningEmulator, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/checkout/buy-now/sessions${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`Buy Now ${path || "start"} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

type EventAddress = Record<string, string | null>;

/**
 * The buyer presses Buy Now and picks buyer, address and card: the session onInitCheckout
 * receives. A PayOnly button (nothing to ship) asks for no address: shippingAddress is null.
 */
export async function openBuyNowDialog(
  emulator: RunningEmulator,
  choice: AmazonChoice = {},
  productType: "PayAndShip" | "PayOnly" = "PayAndShip",
): Promise<{ sessionId: string; shippingAddress: EventAddress; billingAddress: EventAddress | null }> {
  const button = buyNowButtonProps();
  const { amazonCheckoutSessionId: sessionId } = await dialogCall<{ amazonCheckoutSessionId: string }>(
    emulator,
    "",
    { merchantId: button.merchantId, checkoutSessionConfig: button.checkoutSessionConfig, productType },
  );
  const event = await dialogCall<{ shippingAddress: EventAddress; billingAddress: EventAddress | null }>(
    emulator,
    `/${sessionId}/selection`,
    {
      buyerId: choice.buyerId ?? AVA,
      ...(productType === "PayAndShip" ? { addressId: choice.addressId ?? "ava-home" } : {}),
      paymentMethodId: choice.paymentMethodId ?? "visa-1111",
    },
  );
  return { sessionId, shippingAddress: event.shippingAddress, billingAddress: event.billingAddress };
}

/** The dialog shows the cart the shop's handler answered (as checkout.js hands it over). */
export async function showCartInDialog(
  emulator: RunningEmulator,
  sessionId: string,
  cartDetails: CartDetailsAnswer,
  event: "init" | "address" | "delivery" = "init",
): Promise<void> {
  await dialogCall(emulator, `/${sessionId}/cart`, { event, cartDetails });
}

/** The buyer presses "Pay now"; checkout.js then calls the shop's onCompleteCheckout. */
export async function payNowInDialog(emulator: RunningEmulator, sessionId: string): Promise<void> {
  await dialogCall(emulator, `/${sessionId}/confirm`, {});
}
