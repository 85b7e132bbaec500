// Buy Now, first step: checkout.js opens the dialog with the merchant's checkoutSessionConfig
// (signed, or plain where the configuration allows it) and the emulator creates the session.
import { z } from "zod";
import { ApiError } from "../core/api-error";
import type { MerchantRecord } from "../core/merchants";
import { DEFAULT_SCOPES, emptyMerchantMetadata, type CheckoutSessionRecord } from "../model/records";
import { parseRequest } from "../schemas/parse";
import { buyNowSessionConfigSchema } from "../schemas/requests";
import { verifySignedConfig } from "../auth/button-signature";
import type { Emulator } from "../emulator";
import {
  checkPaymentDetails,
  emptyPaymentDetails,
  mergeMerchantMetadata,
  mergePaymentDetails,
  mergeRecurringMetadata,
} from "./session-details";
import { checkStoreId, storeSession } from "./session-records";
import type { OpContext } from "./context";

const signedConfigSchema = z.strictObject({
  payloadJSON: z.string().min(1),
  signature: z.string().min(1),
  publicKeyId: z.string().optional(),
  algorithm: z.string().optional(),
});

export const buyNowStartSchema = z.object({
  merchantId: z.string().min(1),
  publicKeyId: z.string().optional(),
  ledgerCurrency: z.string().optional(),
  productType: z.enum(["PayAndShip", "PayOnly"]).optional(),
  placement: z.string().optional(),
  checkoutLanguage: z.string().optional(),
  checkoutSessionConfig: z.union([signedConfigSchema, z.record(z.string(), z.unknown())]),
});

function resolveMerchant(
  sb: Emulator,
  input: z.output<typeof buyNowStartSchema>,
): { merchant: MerchantRecord; config: unknown } {
  const config = input.checkoutSessionConfig;
  if (typeof config.payloadJSON === "string" && typeof config.signature === "string") {
    const signed = signedConfigSchema.parse(config);
    const merchant = verifySignedConfig(sb, signed, input.publicKeyId, input.merchantId);
    try {
      return { merchant, config: JSON.parse(signed.payloadJSON) as unknown };
    } catch {
      throw new ApiError(400, "InvalidRequestFormat", "checkoutSessionConfig.payloadJSON is not valid JSON.");
    }
  }
  if (sb.config.buyNowRequireSignedConfig) {
    throw new ApiError(
      400,
      "InvalidParameterValue",
      "checkoutSessionConfig must be signed ({ payloadJSON, signature, publicKeyId, algorithm }) in this emulator configuration.",
    );
  }
  const merchant = input.publicKeyId
    ? sb.merchants.get(input.publicKeyId)
    : sb.merchants.byMerchantId(input.merchantId);
  if (!merchant || merchant.merchantId !== input.merchantId) {
    throw new ApiError(
      401,
      "UnauthorizedAccess",
      `The merchant [${input.merchantId}] is not registered with the emulator (POST /__emulator/merchants).`,
    );
  }
  return { merchant, config };
}

export function startBuyNow(sb: Emulator, raw: unknown): CheckoutSessionRecord {
  const input = parseRequest(buyNowStartSchema, raw);
  const { merchant, config } = resolveMerchant(sb, input);
  const ctx: OpContext = { sb, merchant, simulationCode: null };
  const body = parseRequest(buyNowSessionConfigSchema, config);
  checkStoreId(ctx, body.storeId);
  const chargePermissionType = body.chargePermissionType ?? "OneTime";
  const paymentDetails = mergePaymentDetails(emptyPaymentDetails(), body.paymentDetails);
  checkPaymentDetails(paymentDetails, sb.config, merchant);
  return storeSession(sb, {
    merchantId: merchant.merchantId,
    storeId: body.storeId,
    origin: "buyNow",
    webCheckoutDetails: {
      checkoutReviewReturnUrl: body.webCheckoutDetails?.checkoutReviewReturnUrl ?? null,
      checkoutResultReturnUrl: body.webCheckoutDetails?.checkoutResultReturnUrl ?? null,
      checkoutCancelUrl: body.webCheckoutDetails?.checkoutCancelUrl ?? null,
      checkoutMode: null,
    },
    productType: input.productType ?? "PayAndShip",
    paymentDetails,
    chargePermissionType,
    recurringMetadata: mergeRecurringMetadata({ frequency: null, amount: null }, body.recurringMetadata),
    paymentMethodOnFileMetadata: body.paymentMethodOnFileMetadata ?? null,
    merchantMetadata: mergeMerchantMetadata(emptyMerchantMetadata(), body.merchantMetadata),
    supplementaryData: body.supplementaryData ?? null,
    platformId: body.platformId ?? null,
    providerMetadata: { providerReferenceId: body.providerMetadata?.providerReferenceId ?? null },
    scopes: body.scopes ?? [...DEFAULT_SCOPES],
    deliverySpecifications: body.deliverySpecifications ?? null,
    addressDetails: null,
    existingChargePermissionId: body.chargePermissionId ?? null,
    checkoutLanguage: input.checkoutLanguage ?? null,
  });
}
