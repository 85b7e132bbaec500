// Buy Now: the checkout.js dialog creates the session from
// checkoutSessionConfig, records the buyer's choices and the merchant's CartDetails, and the
// merchant's onCompleteCheckout handler calls Finalize Checkout Session. These are the dialog's
// steps: the choices offered, the buyer's selection, Pay now, cancel and status.
import { z } from "zod";
import { ApiError } from "../core/api-error";
import { findBuyer, paymentDescriptor, TEST_INSTRUMENTS } from "../core/test-buyers";
import { type CheckoutSessionRecord } from "../model/records";
import { addressJson, buyerJson, sessionBuyerDetails } from "../model/serialize";
import { parseRequest } from "../schemas/parse";
import type { Emulator } from "../emulator";
import { changeSession } from "./session-records";
import { addressOptions, chooseDetails } from "./hosted-checkout";
import { buyersOfMerchant } from "./merchant-account";

/** What the dialog needs to let the buyer choose: buyers, addresses (with restrictions), instruments. */
export function buyNowChoices(sb: Emulator, s: CheckoutSessionRecord) {
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    productType: s.productType,
    buyers: buyersOfMerchant(sb, s.merchantId).map((buyer) => ({
      buyerId: buyer.buyerId,
      name: buyer.name,
      email: buyer.email,
      addresses:
        s.productType === "PayAndShip"
          ? addressOptions(s, buyer).map((a) => ({
              id: a.id,
              label: a.label,
              address: addressJson(a.address),
              restriction: a.restriction,
            }))
          : [],
    })),
    paymentMethods: TEST_INSTRUMENTS.map((i) => ({
      id: i.id,
      brand: i.brand,
      last4: i.last4,
      descriptor: paymentDescriptor(i),
      simulates: i.simulates,
    })),
  };
}

export function buyNowSession(sb: Emulator, id: string): CheckoutSessionRecord {
  const s = sb.store.checkoutSessions.get(id);
  if (!s || s.origin !== "buyNow")
    throw new ApiError(
      404,
      "ResourceNotFound",
      `The Buy Now Checkout Session with id [${id}] was not found.`,
    );
  return s;
}

/** The event objects handed to the merchant's handlers. */
export function buyNowEvent(s: CheckoutSessionRecord) {
  const buyer = s.choice ? findBuyer(s.choice.buyerId) : undefined;
  const details = sessionBuyerDetails(s);
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    buyer: buyer ? buyerJson(buyer, s.scopes) : null,
    shippingAddress: details.shippingAddress,
    billingAddress: buyer ? addressJson(buyer.billingAddress) : null,
    paymentDescriptor: details.paymentDescriptor,
  };
}

export const buyNowSelectionSchema = z.object({
  buyerId: z.string().min(1),
  addressId: z.string().optional(),
  paymentMethodId: z.string().min(1),
});

export function selectBuyNow(sb: Emulator, s: CheckoutSessionRecord, raw: unknown) {
  const input = parseRequest(buyNowSelectionSchema, raw);
  const problem = chooseDetails(sb, s, {
    buyerId: input.buyerId,
    addressId: input.addressId,
    instrumentId: input.paymentMethodId,
  });
  if (problem) throw new ApiError(400, "InvalidParameterValue", problem);
  return buyNowEvent(s);
}

/** The buyer pressed Pay now: the details are final; returns the onCompleteCheckout event. */
export function confirmBuyNow(sb: Emulator, s: CheckoutSessionRecord) {
  if (!s.status.buyerRedirected) {
    if (!s.choice)
      throw new ApiError(400, "InvalidRequest", "Choose a buyer, address and payment method first.");
    if (!s.cartDetails)
      throw new ApiError(
        400,
        "InvalidRequest",
        "The merchant has not provided the cart details (onInitCheckout).",
      );
    if (s.productType === "PayAndShip" && s.cartAddressId !== s.choice.addressId) {
      throw new ApiError(
        400,
        "InvalidRequest",
        "The merchant has not accepted the selected shipping address; choose another address.",
      );
    }
    changeSession(sb, s, { type: "redirect" });
  }
  return buyNowEvent(s);
}

export function cancelBuyNow(sb: Emulator, s: CheckoutSessionRecord): void {
  if (s.status.state === "Open") changeSession(sb, s, { type: "cancel", reasonCode: "BuyerCanceled" });
}

export function buyNowStatus(s: CheckoutSessionRecord) {
  return {
    amazonCheckoutSessionId: s.checkoutSessionId,
    state: s.status.state,
    reasonCode: s.status.reasonCode,
    confirmed: s.status.buyerRedirected,
  };
}
