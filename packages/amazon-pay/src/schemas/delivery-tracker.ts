// Delivery Tracker: tells Amazon about a shipment. Exactly one of chargePermissionId
// (Checkout v2) or amazonOrderReferenceId (legacy MWS orders) identifies the order.
import { z } from "zod";
import { nullable } from "./lenient";

const deliveryDetailSchema = z.strictObject({
  trackingNumber: z.string().min(1),
  carrierCode: z.string().min(1),
});

export const createDeliveryTrackerRequestSchema = z
  .strictObject({
    chargePermissionId: z.string().min(1).optional(),
    amazonOrderReferenceId: z.string().min(1).optional(),
    deliveryDetails: z.array(deliveryDetailSchema).min(1),
  })
  .superRefine((body, ctx) => {
    if ((body.chargePermissionId === undefined) === (body.amazonOrderReferenceId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["chargePermissionId"],
        message: "exactly one of chargePermissionId and amazonOrderReferenceId is required",
      });
    }
  });
export type CreateDeliveryTrackerBody = z.input<typeof createDeliveryTrackerRequestSchema>;

export const deliveryTrackerSchema = z
  .looseObject({
    chargePermissionId: nullable(z.string()),
    amazonOrderReferenceId: nullable(z.string()),
    deliveryDetails: nullable(
      z.array(z.looseObject({ trackingNumber: nullable(z.string()), carrierCode: nullable(z.string()) })),
    ),
  })
  .refine((tracker) => tracker.chargePermissionId !== null || tracker.amazonOrderReferenceId !== null, {
    path: ["chargePermissionId"],
    message: "neither chargePermissionId nor amazonOrderReferenceId is present",
  });
export type DeliveryTracker = z.output<typeof deliveryTrackerSchema>;
