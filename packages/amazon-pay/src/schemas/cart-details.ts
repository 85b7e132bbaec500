// `cartDetails` of a Buy Now Checkout Session: what the merchant returned to checkout.js,
// echoed by Finalize. Read leniently like every response member.
import { z } from "zod";
import { nullable } from "./lenient";
import { priceSchema } from "./price";

export const lineItemSchema = z.looseObject({
  id: nullable(z.string()),
  title: nullable(z.string()),
  quantity: nullable(z.union([z.string(), z.number()])),
  listPrice: nullable(priceSchema),
  totalListPrice: nullable(priceSchema),
  variantTitle: nullable(z.string()),
  discountedPrice: nullable(priceSchema),
});

export const deliveryOptionSchema = z.looseObject({
  id: nullable(z.string()),
  price: nullable(priceSchema),
  shippingMethod: nullable(
    z.looseObject({ shippingMethodName: nullable(z.string()), shippingMethodCode: nullable(z.string()) }),
  ),
  isDefault: nullable(z.boolean()),
  shippingEstimate: nullable(
    z.array(
      z.looseObject({ timeUnit: nullable(z.string()), value: nullable(z.union([z.number(), z.string()])) }),
    ),
  ),
  dateTimeWindow: nullable(z.unknown()),
});

export const cartDetailsSchema = z.looseObject({
  lineItems: nullable(z.array(lineItemSchema)),
  deliveryOptions: nullable(z.array(deliveryOptionSchema)),
  totalShippingAmount: nullable(priceSchema),
  totalBaseAmount: nullable(priceSchema),
  totalTaxAmount: nullable(priceSchema),
  totalChargeAmount: nullable(priceSchema),
  totalDiscountAmount: nullable(priceSchema),
  totalOrderAmount: nullable(priceSchema),
});
export type CartDetails = z.output<typeof cartDetailsSchema>;
