// Request bodies of Create, Update, Complete and Finalize Checkout Session. Strict:
// an unknown member is refused before sending, as Amazon would answer `UnrecognizedField`. The
// Create body is also the payload of the checkout.js button.
import { z } from "zod";
import { addressDetailsRequestSchema, addressRequestSchema } from "./address";
import { SCOPES } from "./buyer";
import {
  CHARGE_PERMISSION_TYPES,
  PAYMENT_INTENTS,
  merchantMetadataRequestSchema,
  paymentMethodOnFileMetadataRequestSchema,
  providerMetadataRequestSchema,
  recurringMetadataRequestSchema,
  softDescriptorSchema,
} from "./metadata";
import { currencyCodeSchema, priceRequestSchema } from "./price";

export const CHECKOUT_MODES = ["ProcessOrder"] as const;
export const SPECIAL_RESTRICTIONS = ["RestrictPOBoxes", "RestrictPackstations"] as const;
export const ADDRESS_RESTRICTION_TYPES = ["Allowed", "NotAllowed"] as const;

/** http is accepted because the sandbox allows http and localhost return URLs. */
const returnUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });

const webCheckoutDetailsRequestSchema = z.strictObject({
  checkoutReviewReturnUrl: returnUrl.optional(),
  checkoutResultReturnUrl: returnUrl.optional(),
  checkoutCancelUrl: returnUrl.optional(),
  checkoutMode: z.enum(CHECKOUT_MODES).optional(),
});

const updatablePaymentDetails = {
  paymentIntent: z.enum(PAYMENT_INTENTS).optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  chargeAmount: priceRequestSchema.optional(),
  totalOrderAmount: priceRequestSchema.optional(),
  presentmentCurrency: currencyCodeSchema.optional(),
  softDescriptor: softDescriptorSchema.optional(),
  estimateOrderTotal: priceRequestSchema.optional(),
};

type PaymentDetailsShape = {
  paymentIntent?: string | undefined;
  canHandlePendingAuthorization?: boolean | undefined;
  softDescriptor?: string | undefined;
};

/** The documented combination rules of paymentDetails, checked where both members are in the same body. */
function checkPaymentDetails(details: PaymentDetailsShape, ctx: z.RefinementCtx): void {
  if (details.canHandlePendingAuthorization === true && details.paymentIntent === "AuthorizeWithCapture") {
    ctx.addIssue({
      code: "custom",
      path: ["canHandlePendingAuthorization"],
      message: "cannot be true with paymentIntent AuthorizeWithCapture",
    });
  }
  if (
    details.softDescriptor !== undefined &&
    details.paymentIntent !== undefined &&
    details.paymentIntent !== "AuthorizeWithCapture"
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["softDescriptor"],
      message: "is only allowed with paymentIntent AuthorizeWithCapture",
    });
  }
}

const createPaymentDetailsSchema = z
  .strictObject({
    ...updatablePaymentDetails,
    allowOvercharge: z.boolean().optional(),
    extendExpiration: z.boolean().optional(),
  })
  .superRefine(checkPaymentDetails);

/** `allowOvercharge` and `extendExpiration` can only be set at creation. */
const updatePaymentDetailsSchema = z.strictObject(updatablePaymentDetails).superRefine(checkPaymentDetails);

const stringList = z.array(z.string().min(1));
export const deliverySpecificationsRequestSchema = z.strictObject({
  specialRestrictions: z.array(z.enum(SPECIAL_RESTRICTIONS)).optional(),
  addressRestrictions: z
    .strictObject({
      type: z.enum(ADDRESS_RESTRICTION_TYPES),
      /** An empty object for a country means the whole country. */
      restrictions: z.record(
        z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 code" }),
        z.strictObject({ statesOrRegions: stringList.optional(), zipCodes: stringList.optional() }),
      ),
    })
    .optional(),
});

export const createCheckoutSessionRequestSchema = z
  .strictObject({
    webCheckoutDetails: webCheckoutDetailsRequestSchema,
    storeId: z.string().min(1),
    scopes: z.array(z.enum(SCOPES)).optional(),
    chargePermissionType: z.enum(CHARGE_PERMISSION_TYPES).optional(),
    recurringMetadata: recurringMetadataRequestSchema.optional(),
    paymentDetails: createPaymentDetailsSchema.optional(),
    merchantMetadata: merchantMetadataRequestSchema.optional(),
    platformId: z.string().min(1).optional(),
    providerMetadata: providerMetadataRequestSchema.optional(),
    deliverySpecifications: deliverySpecificationsRequestSchema.optional(),
    addressDetails: addressDetailsRequestSchema.optional(),
    paymentMethodOnFileMetadata: paymentMethodOnFileMetadataRequestSchema.optional(),
    chargePermissionId: z.string().min(1).optional(),
    supplementaryData: z.string().optional(),
  })
  .superRefine((body, ctx) => {
    const processOrder = body.webCheckoutDetails.checkoutMode === "ProcessOrder";
    if (!processOrder && body.webCheckoutDetails.checkoutReviewReturnUrl === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["webCheckoutDetails", "checkoutReviewReturnUrl"],
        message: "is required unless checkoutMode is ProcessOrder",
      });
    }
    if (processOrder && body.webCheckoutDetails.checkoutResultReturnUrl === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["webCheckoutDetails", "checkoutResultReturnUrl"],
        message: "is required with checkoutMode ProcessOrder",
      });
    }
    if (processOrder && body.paymentDetails === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["paymentDetails"],
        message: "is required with checkoutMode ProcessOrder",
      });
    }
    if (body.chargePermissionType === "Recurring" && body.recurringMetadata === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["recurringMetadata"],
        message: "is required with chargePermissionType Recurring",
      });
    }
  });
export type CreateCheckoutSessionBody = z.input<typeof createCheckoutSessionRequestSchema>;

export const updateCheckoutSessionRequestSchema = z.strictObject({
  webCheckoutDetails: webCheckoutDetailsRequestSchema.omit({ checkoutMode: true }).optional(),
  paymentDetails: updatePaymentDetailsSchema.optional(),
  merchantMetadata: merchantMetadataRequestSchema.optional(),
  platformId: z.string().min(1).optional(),
  supplementaryData: z.string().optional(),
  providerMetadata: providerMetadataRequestSchema.optional(),
  chargePermissionType: z.enum(CHARGE_PERMISSION_TYPES).optional(),
  recurringMetadata: recurringMetadataRequestSchema.optional(),
  /** JP multi-address checkout. */
  multiAddressesCheckoutMetadata: z
    .array(z.strictObject({ addressId: z.string().min(1), price: priceRequestSchema }))
    .optional(),
});
export type UpdateCheckoutSessionBody = z.input<typeof updateCheckoutSessionRequestSchema>;

/** `chargeAmount` must equal the session's; it may be left out only for setup-only (Saved Wallet) sessions. */
export const completeCheckoutSessionRequestSchema = z.strictObject({
  chargeAmount: priceRequestSchema.optional(),
  totalOrderAmount: priceRequestSchema.optional(),
});
export type CompleteCheckoutSessionBody = z.input<typeof completeCheckoutSessionRequestSchema>;

export const finalizeCheckoutSessionRequestSchema = z.strictObject({
  chargeAmount: priceRequestSchema,
  totalOrderAmount: priceRequestSchema.optional(),
  paymentIntent: z.enum(PAYMENT_INTENTS),
  canHandlePendingAuthorization: z.boolean().optional(),
  /** PayAndShip: must match the address Amazon shared. */
  shippingAddress: addressRequestSchema.optional(),
  /** PayOnly: must match the address Amazon shared. */
  billingAddress: addressRequestSchema.optional(),
  supplementaryData: z.string().optional(),
});
export type FinalizeCheckoutSessionBody = z.input<typeof finalizeCheckoutSessionRequestSchema>;
