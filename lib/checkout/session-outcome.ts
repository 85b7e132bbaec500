// What a Checkout Session's state means for the buyer: where it can go next.
import type { CheckoutSession } from "@storefront/amazon-pay/schemas/checkout-session";
import type { CheckoutNotice } from "./messages";

export type SessionStanding =
  | { kind: "open" }
  | { kind: "completed" }
  | { kind: "canceled"; reasonCode: string | null; notice: CheckoutNotice };

export function sessionStanding(session: Pick<CheckoutSession, "statusDetails">): SessionStanding {
  const { state, reasonCode } = session.statusDetails;
  if (state === "Open") return { kind: "open" };
  if (state === "Completed") return { kind: "completed" };
  const notice: CheckoutNotice =
    reasonCode === "Expired"
      ? "session-expired"
      : reasonCode === "BuyerCanceled"
        ? "session-canceled"
        : "payment-failed";
  return { kind: "canceled", reasonCode: reasonCode ?? null, notice };
}

/** The payment method Amazon shows the buyer, e.g. "Visa ****1111". */
export function paymentDescriptorOf(session: Pick<CheckoutSession, "paymentPreferences">): string | null {
  return session.paymentPreferences?.find((p) => p?.paymentDescriptor)?.paymentDescriptor ?? null;
}

/** The order's copy of who buys and where it ships, as Amazon shared it. */
export function buyerSnapshot(
  session: Pick<CheckoutSession, "buyer" | "shippingAddress" | "paymentPreferences">,
) {
  const address = session.shippingAddress;
  return {
    buyerName: session.buyer?.name ?? null,
    buyerEmail: session.buyer?.email ?? null,
    shipName: address?.name ?? null,
    shipLine1: address?.addressLine1 ?? null,
    shipLine2: address?.addressLine2 ?? null,
    shipLine3: address?.addressLine3 ?? null,
    shipCity: address?.city ?? null,
    shipDistrict: address?.district ?? null,
    shipCounty: address?.county ?? null,
    shipState: address?.stateOrRegion ?? null,
    shipPostalCode: address?.postalCode ?? null,
    shipCountry: address?.countryCode ?? null,
    shipPhone: address?.phoneNumber ?? null,
    paymentDescriptor: paymentDescriptorOf(session),
  };
}
