// Request bodies of every emulated operation. Strict: an unknown member is UnrecognizedField, as
// on Amazon. Rules that depend on the stored object or on configuration live in the operations.
import { z } from "zod";
import {
  cancelChargeRequestSchema,
  CHANNELS,
  CHARGE_INITIATORS,
} from "@storefront/amazon-pay/schemas/charge";
import { closeChargePermissionRequestSchema } from "@storefront/amazon-pay/schemas/charge-permission";
import { createDeliveryTrackerRequestSchema } from "@storefront/amazon-pay/schemas/delivery-tracker";
import {
  address,
  addressDetails,
  chargePermissionType,
  currencyCode,
  deliverySpecifications,
  httpUrl,
  merchantMetadata,
  paymentIntent,
  paymentMethodOnFileMetadata,
  platformId,
  price,
  providerMetadata,
  recurringMetadata,
  scopes,
  softDescriptor,
  supplementaryData,
} from "./fields";

const webCheckoutDetails = z.strictObject({
  checkoutReviewReturnUrl: httpUrl.optional(),
  checkoutResultReturnUrl: httpUrl.optional(),
  checkoutCancelUrl: httpUrl.optional(),
  checkoutMode: z.literal("ProcessOrder").optional(),
});

const paymentDetailsFields = {
  paymentIntent: paymentIntent.optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  chargeAmount: price().optional(),
  totalOrderAmount: price().optional(),
  softDescriptor: softDescriptor.optional(),
  presentmentCurrency: currencyCode.optional(),
  estimateOrderTotal: price().optional(),
  /** Creation-only (allowed here so that Update can refuse them with a clear message). */
  allowOvercharge: z.boolean().optional(),
  extendExpiration: z.boolean().optional(),
};

/** Also the payload of a signed createCheckoutSessionConfig. */
export const createCheckoutSessionSchema = z.strictObject({
  webCheckoutDetails,
  storeId: z.string().min(1),
  scopes: scopes.optional(),
  chargePermissionType: chargePermissionType.optional(),
  recurringMetadata: recurringMetadata.optional(),
  paymentDetails: z.strictObject(paymentDetailsFields).optional(),
  merchantMetadata: merchantMetadata.optional(),
  platformId: platformId.optional(),
  providerMetadata: providerMetadata.optional(),
  deliverySpecifications: deliverySpecifications.optional(),
  addressDetails: addressDetails.optional(),
  paymentMethodOnFileMetadata: paymentMethodOnFileMetadata.optional(),
  chargePermissionId: z.string().min(1).optional(),
  supplementaryData: supplementaryData.optional(),
});
export type CreateCheckoutSessionInput = z.output<typeof createCheckoutSessionSchema>;

/** renderJSButton's checkoutSessionConfig: a Create body without return URLs. */
export const buyNowSessionConfigSchema = createCheckoutSessionSchema
  .omit({ webCheckoutDetails: true, addressDetails: true })
  .extend({ webCheckoutDetails: webCheckoutDetails.omit({ checkoutMode: true }).optional() });

export const updateCheckoutSessionSchema = z.strictObject({
  webCheckoutDetails: webCheckoutDetails.omit({ checkoutMode: true }).optional(),
  paymentDetails: z.strictObject(paymentDetailsFields).optional(),
  merchantMetadata: merchantMetadata.optional(),
  platformId: platformId.optional(),
  supplementaryData: supplementaryData.optional(),
  providerMetadata: providerMetadata.optional(),
  chargePermissionType: chargePermissionType.optional(),
  recurringMetadata: recurringMetadata.optional(),
});

export const completeCheckoutSessionSchema = z.strictObject({
  chargeAmount: price().optional(),
  totalOrderAmount: price().optional(),
});

export const finalizeCheckoutSessionSchema = z.strictObject({
  chargeAmount: price(),
  totalOrderAmount: price().optional(),
  paymentIntent,
  canHandlePendingAuthorization: z.boolean().optional(),
  shippingAddress: address.optional(),
  billingAddress: address.optional(),
  supplementaryData: supplementaryData.optional(),
});

export const updateChargePermissionSchema = z.strictObject({
  merchantMetadata: merchantMetadata.optional(),
  recurringMetadata: recurringMetadata.optional(),
});

export const closeChargePermissionSchema = closeChargePermissionRequestSchema;

export const createChargeSchema = z.strictObject({
  chargePermissionId: z.string().min(1),
  chargeAmount: price(),
  captureNow: z.boolean().optional(),
  softDescriptor: softDescriptor.optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  merchantMetadata: merchantMetadata.optional(),
  providerMetadata: providerMetadata.optional(),
  platformId: platformId.optional(),
  chargeInitiator: z.enum(CHARGE_INITIATORS).optional(),
  channel: z.enum(CHANNELS).optional(),
  webCheckoutDetails: z.strictObject({ checkoutResultReturnUrl: httpUrl.optional() }).optional(),
});

export const captureChargeSchema = z.strictObject({
  captureAmount: price(),
  softDescriptor: softDescriptor.optional(),
});

export const cancelChargeSchema = cancelChargeRequestSchema;

export const createRefundSchema = z.strictObject({
  chargeId: z.string().min(1),
  refundAmount: price(),
  softDescriptor: softDescriptor.optional(),
});

export const createDeliveryTrackerSchema = createDeliveryTrackerRequestSchema;
