// Turns Amazon objects read from the API (a charge, a charge permission) into the facts the
// order state machine records. An object in a state Amazon does not document gives no fact:
// callers report it instead of guessing.
import type { Charge } from "@storefront/amazon-pay/schemas/charge";
import { parseAmazonTimestamp } from "@storefront/amazon-pay/schemas/lenient";
import { moneyFromPrice } from "@storefront/amazon-pay/schemas/price";
import { CHARGE_STATES, type ChargeFact, type PermissionFact } from "./payment-facts";

export function chargeFactFromApi(charge: Charge): ChargeFact | null {
  const state = charge.statusDetails.state;
  if (!(CHARGE_STATES as readonly string[]).includes(state)) return null;
  const amount = charge.chargeAmount ? moneyFromPrice(charge.chargeAmount).amount : 0;
  const captured = charge.captureAmount ? moneyFromPrice(charge.captureAmount).amount : 0;
  const refunded = charge.refundedAmount ? moneyFromPrice(charge.refundedAmount).amount : 0;
  return {
    chargeId: charge.chargeId,
    state: state as ChargeFact["state"],
    amountMinor: amount,
    capturedMinor: state === "Captured" ? captured || amount : 0,
    refundedMinor: refunded,
    reasonCode: charge.statusDetails.reasonCode ?? null,
  };
}

export function permissionFactFromApi(permission: {
  statusDetails: { state: string; lastUpdatedTimestamp?: string | null };
}): PermissionFact | null {
  const state = permission.statusDetails.state;
  if (state !== "Chargeable" && state !== "NonChargeable" && state !== "Closed") return null;
  const at = permission.statusDetails.lastUpdatedTimestamp
    ? parseAmazonTimestamp(permission.statusDetails.lastUpdatedTimestamp)
    : null;
  return { state, updatedAt: at?.getTime() ?? Date.now() };
}
