// What the hosted pages do: start a checkout from a signed button config, let the buyer choose a
// test buyer, address and payment method, cancel, and sign in (SignIn button).
import { z } from "zod";
import { ApiError, invalidParameter } from "../core/api-error";
import { deliveryRestriction } from "../core/delivery-restrictions";
import { HOUR } from "../core/clock";
import { newBuyerToken, newSignInId } from "../core/ids";
import { findInstrument, type TestBuyer } from "../core/test-buyers";
import { DEFAULT_SCOPES, SCOPES, type CheckoutSessionRecord, type SignInRecord } from "../model/records";
import { parseRequest } from "../schemas/parse";
import { httpUrl } from "../schemas/fields";
import { verifySignedConfig } from "../auth/button-signature";
import type { Emulator } from "../emulator";
import { buyersOfMerchant } from "./merchant-account";
import { changeSession, createSessionRecord } from "./session-records";

export const buttonFormSchema = z.object({
  payloadJSON: z.string().min(1),
  signature: z.string().min(1),
  publicKeyId: z.string().optional(),
  algorithm: z.string().optional(),
  merchantId: z.string().optional(),
  productType: z.enum(["PayAndShip", "PayOnly", "SignIn"]).optional(),
  checkoutLanguage: z.string().optional(),
});

const signInPayloadSchema = z.strictObject({
  signInReturnUrl: httpUrl,
  signInCancelUrl: httpUrl.optional(),
  storeId: z.string().min(1),
  signInScopes: z.array(z.enum(SCOPES)).optional(),
});

export type ButtonStart =
  { kind: "checkout"; session: CheckoutSessionRecord } | { kind: "signIn"; signIn: SignInRecord };

function parsePayload(payloadJSON: string): unknown {
  try {
    return JSON.parse(payloadJSON) as unknown;
  } catch {
    throw new ApiError(400, "InvalidRequestFormat", "payloadJSON is not valid JSON.");
  }
}

/** The button was clicked: verify the signed config and create the Checkout Session (or sign-in). */
export function startFromButton(sb: Emulator, form: z.output<typeof buttonFormSchema>): ButtonStart {
  const merchant = verifySignedConfig(sb, form, form.publicKeyId, form.merchantId);
  const payload = parsePayload(form.payloadJSON);
  if (form.productType === "SignIn") {
    const input = parseRequest(signInPayloadSchema, payload);
    if (
      !sb.merchants.list().some((m) => m.merchantId === merchant.merchantId && m.storeId === input.storeId)
    ) {
      throw invalidParameter("storeId", `it does not belong to merchant ${merchant.merchantId}`);
    }
    const signIn: SignInRecord = {
      signInId: newSignInId(),
      merchantId: merchant.merchantId,
      storeId: input.storeId,
      signInReturnUrl: input.signInReturnUrl,
      signInCancelUrl: input.signInCancelUrl ?? null,
      scopes: input.signInScopes ?? [...DEFAULT_SCOPES],
      checkoutLanguage: form.checkoutLanguage ?? null,
    };
    sb.store.signIns.set(signIn.signInId, signIn);
    return { kind: "signIn", signIn };
  }
  const session = createSessionRecord({ sb, merchant, simulationCode: null }, payload, {
    origin: "button",
    productType: form.productType ?? "PayAndShip",
    checkoutLanguage: form.checkoutLanguage ?? null,
  });
  return { kind: "checkout", session };
}

/** Addresses of a buyer with the reason each one cannot be used for this session (or null). */
export function addressOptions(s: Pick<CheckoutSessionRecord, "deliverySpecifications">, buyer: TestBuyer) {
  return buyer.addresses.map((a) => ({
    ...a,
    restriction: deliveryRestriction(a.address, s.deliverySpecifications),
  }));
}

export interface Choice {
  buyerId: string;
  addressId?: string | undefined;
  instrumentId: string;
}

/** Records the buyer's choice; returns a problem to show the buyer, or null. */
export function chooseDetails(sb: Emulator, s: CheckoutSessionRecord, choice: Choice): string | null {
  const buyer = buyersOfMerchant(sb, s.merchantId).find((b) => b.buyerId === choice.buyerId);
  if (!buyer) return "Choose one of the test buyers.";
  let addressId: string | null = null;
  if (s.productType === "PayAndShip" && !s.addressDetails) {
    const option = addressOptions(s, buyer).find((a) => a.id === choice.addressId);
    if (!option) return `Choose one of ${buyer.name}'s shipping addresses.`;
    if (option.restriction) return `${option.address.addressLine1}: ${option.restriction}`;
    addressId = option.id;
  }
  const instrument = findInstrument(choice.instrumentId);
  if (!instrument) return "Choose one of the payment methods.";
  try {
    changeSession(sb, s, { type: "selectDetails" });
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  s.choice = { buyerId: buyer.buyerId, addressId, instrumentId: instrument.id };
  return null;
}

/** `url` with amazonCheckoutSessionId set, keeping its other query parameters. */
export function withSessionId(url: string, checkoutSessionId: string): string {
  const target = new URL(url);
  target.searchParams.set("amazonCheckoutSessionId", checkoutSessionId);
  return target.toString();
}

/** Where the buyer goes after choosing: the review page, or straight to processing for APB. */
export function afterChoiceUrl(sb: Emulator, s: CheckoutSessionRecord): string {
  if (s.webCheckoutDetails.checkoutMode === "ProcessOrder") return sb.redirectUrl(s.checkoutSessionId);
  return withSessionId(
    s.webCheckoutDetails.checkoutReviewReturnUrl ??
      s.webCheckoutDetails.checkoutResultReturnUrl ??
      sb.publicUrl,
    s.checkoutSessionId,
  );
}

/** The buyer canceled on the hosted page: the session is Canceled/BuyerCanceled; returns where to send the buyer. */
export function cancelByBuyer(sb: Emulator, s: CheckoutSessionRecord): string {
  if (s.status.state === "Open") changeSession(sb, s, { type: "cancel", reasonCode: "BuyerCanceled" });
  const cancelUrl = s.webCheckoutDetails.checkoutCancelUrl;
  if (cancelUrl)
    return sb.config.cancelUrlIncludesSessionId ? withSessionId(cancelUrl, s.checkoutSessionId) : cancelUrl;
  return withSessionId(
    s.webCheckoutDetails.checkoutReviewReturnUrl ??
      s.webCheckoutDetails.checkoutResultReturnUrl ??
      sb.publicUrl,
    s.checkoutSessionId,
  );
}

/** The buyer signed in: a buyerToken for Get Buyer, appended to signInReturnUrl. */
export function completeSignIn(
  sb: Emulator,
  signIn: SignInRecord,
  buyerId: string,
): string | { problem: string } {
  const buyer = buyersOfMerchant(sb, signIn.merchantId).find((b) => b.buyerId === buyerId);
  if (!buyer) return { problem: "Choose one of the test buyers." };
  const token = newBuyerToken();
  sb.store.buyerTokens.set(token, {
    buyerToken: token,
    merchantId: signIn.merchantId,
    buyerId: buyer.buyerId,
    scopes: signIn.scopes,
    expiresAt: sb.now() + sb.config.buyerTokenValidityHours * HOUR,
  });
  sb.store.signIns.delete(signIn.signInId);
  const target = new URL(signIn.signInReturnUrl);
  target.searchParams.set("buyerToken", token);
  return target.toString();
}
