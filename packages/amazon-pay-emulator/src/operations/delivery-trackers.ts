// Create Delivery Tracker: records shipments; each tracking number can be used once.
import { invalidParameter } from "../core/api-error";
import { parseRequest } from "../schemas/parse";
import { createDeliveryTrackerSchema } from "../schemas/requests";
import type { OpContext, OpResult } from "./context";

export function createDeliveryTracker(ctx: OpContext, raw: unknown): OpResult {
  const { sb } = ctx;
  const input = parseRequest(createDeliveryTrackerSchema, raw);
  if (input.chargePermissionId) {
    const cp = sb.store.chargePermissions.get(input.chargePermissionId);
    if (!cp || cp.merchantId !== ctx.merchant.merchantId)
      throw invalidParameter("chargePermissionId", "no such Charge Permission");
  }
  input.deliveryDetails.forEach((detail, index) => {
    const used = sb.store.deliveryTrackers.some(
      (t) =>
        t.merchantId === ctx.merchant.merchantId &&
        t.trackingNumber === detail.trackingNumber &&
        t.carrierCode === detail.carrierCode,
    );
    const repeated =
      input.deliveryDetails.findIndex(
        (d) => d.trackingNumber === detail.trackingNumber && d.carrierCode === detail.carrierCode,
      ) !== index;
    if (used || repeated)
      throw invalidParameter(
        `deliveryDetails[${index}].trackingNumber`,
        "this tracking number was already used",
      );
  });
  const now = sb.now();
  for (const detail of input.deliveryDetails) {
    sb.store.deliveryTrackers.push({
      merchantId: ctx.merchant.merchantId,
      chargePermissionId: input.chargePermissionId ?? null,
      amazonOrderReferenceId: input.amazonOrderReferenceId ?? null,
      trackingNumber: detail.trackingNumber,
      carrierCode: detail.carrierCode,
      createdAt: now,
    });
  }
  const id = input.chargePermissionId
    ? { chargePermissionId: input.chargePermissionId }
    : { amazonOrderReferenceId: input.amazonOrderReferenceId ?? null };
  return {
    status: 200,
    body: {
      ...id,
      deliveryDetails: input.deliveryDetails.map((d) => ({
        trackingNumber: d.trackingNumber,
        carrierCode: d.carrierCode,
      })),
    },
  };
}
