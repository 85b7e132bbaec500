// The end of a checkout, for Complete and Finalize: the outcome played, the Charge Permission
// created (or reused) and the first Charge authorized.
import { type Money } from "@storefront/amazon-pay/money";
import { ApiError, invalidSimulation } from "../core/api-error";
import { DAY } from "../core/clock";
import { newChargePermissionId, uniqueId } from "../core/ids";
import { findBuyer } from "../core/test-buyers";
import {
  type ChargePermissionRecord,
  type CheckoutOutcome,
  type CheckoutSessionRecord,
} from "../model/records";
import { sessionBuyerDetails } from "../model/serialize";
import type { Emulator } from "../emulator";
import type { OpResult } from "./context";
import { createCharge } from "./charge-lifecycle";
import { chargePermissionCreated } from "./charge-permission-lifecycle";
import { merchantAccount } from "./merchant-account";
import { sessionJson, changeSession } from "./session-records";

/** Plays the checkout's outcome: cancel ⇒ 422 CheckoutSessionCanceled; approve ⇒ Completed (202 when pending). */
export function finishCheckout(sb: Emulator, s: CheckoutSessionRecord, outcome: CheckoutOutcome): OpResult {
  if (outcome.kind === "error") throw invalidSimulation(outcome.message);
  if (outcome.kind === "cancel") {
    if (s.status.state === "Open") changeSession(sb, s, { type: "cancel", reasonCode: outcome.reasonCode });
    throw new ApiError(
      422,
      "CheckoutSessionCanceled",
      `The Checkout Session was canceled (${outcome.reasonCode}). Get the Checkout Session for statusDetails.reasonCode.`,
    );
  }
  const now = sb.now();
  const cp = chargePermissionFor(sb, s, now);
  const p = s.paymentDetails;
  let chargeId: string | null = null;
  if (p.paymentIntent !== "Confirm" && p.chargeAmount) {
    const charge = createCharge(
      sb,
      cp,
      {
        amount: p.chargeAmount,
        captureNow: p.paymentIntent === "AuthorizeWithCapture",
        capture: "sync",
        authorization:
          outcome.pending === null
            ? { kind: "approve" }
            : {
                kind: "pending",
                result: outcome.pending === "approve" ? "approve" : { declineReason: "HardDeclined" },
              },
        softDescriptor: p.softDescriptor,
        merchantMetadata: { ...s.merchantMetadata },
        providerReferenceId: s.providerMetadata.providerReferenceId,
        platformId: s.platformId,
        channel: null,
        chargeInitiator: null,
      },
      now,
    );
    chargeId = charge.chargeId;
  }
  changeSession(sb, s, { type: "complete", expiredError: sb.config.completeExpiredSessionError }, now);
  s.chargePermissionId = cp.chargePermissionId;
  s.chargeId = chargeId;
  return { status: outcome.pending === null ? 200 : 202, body: sessionJson(sb, s) };
}

function chargePermissionFor(sb: Emulator, s: CheckoutSessionRecord, now: number): ChargePermissionRecord {
  const choice = s.choice;
  const buyer = choice ? findBuyer(choice.buyerId) : undefined;
  if (!choice || !buyer)
    throw new ApiError(
      422,
      "InvalidCheckoutSessionStatus",
      "No buyer is associated with the Checkout Session.",
    );
  const details = sessionBuyerDetails(s);
  if (s.existingChargePermissionId) {
    const existing = sb.store.chargePermissions.get(s.existingChargePermissionId);
    if (existing) {
      existing.instrumentId = choice.instrumentId;
      return existing;
    }
  }
  const p = s.paymentDetails;
  const order = p.totalOrderAmount ?? p.chargeAmount;
  const currency =
    order?.currency ?? p.presentmentCurrency ?? merchantAccount(sb, s.merchantId).ledgerCurrency;
  const oneTime = s.chargePermissionType === "OneTime";
  const validityDays =
    oneTime && !p.extendExpiration
      ? sb.config.chargePermissionValidityDays
      : sb.config.extendedChargePermissionValidityDays;
  const cp: ChargePermissionRecord = {
    chargePermissionId: uniqueId(newChargePermissionId, (id) => sb.store.chargePermissions.has(id)),
    merchantId: s.merchantId,
    checkoutSessionId: s.checkoutSessionId,
    platformId: s.platformId,
    scopes: s.scopes,
    buyerId: buyer.buyerId,
    shippingAddress:
      s.productType === "PayAndShip"
        ? (s.addressDetails ?? buyer.addresses.find((a) => a.id === choice.addressId)?.address ?? null)
        : null,
    billingAddress: details.billingAddress ? buyer.billingAddress : null,
    instrumentId: choice.instrumentId,
    status: { state: "Chargeable", reasons: [] },
    statusUpdatedAt: now,
    createdAt: now,
    expiresAt: s.chargePermissionType === "PaymentMethodOnFile" ? null : now + validityDays * DAY,
    merchantMetadata: { ...s.merchantMetadata },
    amountLimit: oneTime && order ? amountLimitFor(order, p.allowOvercharge === true) : null,
    capturedTotal: { amount: 0, currency },
    chargePermissionType: s.chargePermissionType,
    recurringMetadata: s.recurringMetadata,
    presentmentCurrency: currency,
    paymentMethodOnFileMetadata: s.paymentMethodOnFileMetadata,
    chargeIds: [],
    expiryEventId: null,
  };
  chargePermissionCreated(sb, cp);
  return cp;
}

/** allowOvercharge: the greater of 900 % of the order and 500 USD/GBP/EUR (70,000 JPY). */
function amountLimitFor(order: Money, allowOvercharge: boolean): Money {
  if (!allowOvercharge) return order;
  const floor = order.currency === "JPY" ? 70_000 : 50_000;
  return { amount: Math.max(order.amount * 9, floor), currency: order.currency };
}
