// CartDetails returned by the merchant's Buy Now handlers, validated before the dialog
// shows them: documented members only, consistent currency, line totals and order totals.
import { z } from "zod";
import { multiply, toDecimalString, type Money } from "@storefront/amazon-pay/money";
import { price } from "./fields";

const amount = price({ allowZero: true });

const lineItem = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  quantity: z
    .union([
      z.string().regex(/^[1-9]\d*$/, { error: "must be a positive whole number" }),
      z.number().int().positive(),
    ])
    .transform(Number),
  listPrice: amount,
  totalListPrice: amount,
  variantTitle: z.string().max(200).optional(),
  discountedPrice: amount.optional(),
});

const deliveryOption = z.strictObject({
  id: z.string().min(1),
  price: amount,
  shippingMethod: z.strictObject({
    shippingMethodName: z.string().min(1),
    shippingMethodCode: z.string().min(1),
  }),
  isDefault: z.boolean(),
  shippingEstimate: z
    .array(z.strictObject({ timeUnit: z.enum(["HOUR", "DAY"]), value: z.number().int().nonnegative() }))
    .optional(),
  dateTimeWindow: z.array(z.unknown()).optional(),
});

const amountsShape = {
  totalShippingAmount: amount,
  totalBaseAmount: amount,
  totalTaxAmount: amount,
  totalChargeAmount: price(),
  totalDiscountAmount: amount.optional(),
  totalOrderAmount: price().optional(),
};

/** onDeliveryOptionSelection answers amounts only. */
export const cartAmountsSchema = z.strictObject(amountsShape);

export const cartDetailsSchema = z.strictObject({
  ...amountsShape,
  deliveryOptions: z.array(deliveryOption).optional(),
  lineItems: z.array(lineItem).optional(),
});

export type CartDetails = z.output<typeof cartDetailsSchema>;
export type CartAmounts = z.output<typeof cartAmountsSchema>;

/** The consistency rules; returns the first problem as `[field, message]`, or null. */
export function cartProblem(
  cart: CartDetails,
  rules: { requireDeliveryOptions: boolean; checkTotals: boolean },
): [string, string] | null {
  const currency = cart.totalChargeAmount.currency;
  const prices: [string, Money | undefined][] = [
    ["totalShippingAmount", cart.totalShippingAmount],
    ["totalBaseAmount", cart.totalBaseAmount],
    ["totalTaxAmount", cart.totalTaxAmount],
    ["totalDiscountAmount", cart.totalDiscountAmount],
    ["totalOrderAmount", cart.totalOrderAmount],
    ...(cart.lineItems ?? []).flatMap((l, i): [string, Money | undefined][] => [
      [`lineItems[${i}].listPrice`, l.listPrice],
      [`lineItems[${i}].totalListPrice`, l.totalListPrice],
      [`lineItems[${i}].discountedPrice`, l.discountedPrice],
    ]),
    ...(cart.deliveryOptions ?? []).map((d, i): [string, Money] => [`deliveryOptions[${i}].price`, d.price]),
  ];
  for (const [field, value] of prices) {
    if (value && value.currency !== currency)
      return [field, `is in ${value.currency} but totalChargeAmount is in ${currency}`];
  }
  for (const [i, line] of (cart.lineItems ?? []).entries()) {
    const expected = multiply(line.listPrice, line.quantity);
    if (expected.amount !== line.totalListPrice.amount) {
      return [
        `lineItems[${i}].totalListPrice`,
        `must be listPrice × quantity = ${toDecimalString(expected)}`,
      ];
    }
  }
  const options = cart.deliveryOptions ?? [];
  if (cart.deliveryOptions && options.length === 0) return ["deliveryOptions", "must not be empty"];
  if (options.length > 0) {
    if (new Set(options.map((d) => d.id)).size !== options.length)
      return ["deliveryOptions", "ids must be unique"];
    if (options.filter((d) => d.isDefault).length !== 1)
      return ["deliveryOptions", "exactly one option must have isDefault true"];
  }
  if (rules.requireDeliveryOptions && options.length === 0)
    return ["deliveryOptions", "are required for PayAndShip when the checkout starts"];
  return totalsProblem(cart, rules);
}

/** totalBaseAmount + totalShippingAmount + totalTaxAmount − totalDiscountAmount must give the order total. */
export function totalsProblem(cart: CartAmounts, options: { checkTotals: boolean }): [string, string] | null {
  const order = cart.totalOrderAmount ?? cart.totalChargeAmount;
  if (cart.totalOrderAmount && cart.totalChargeAmount.amount > cart.totalOrderAmount.amount)
    return ["totalChargeAmount", "must not exceed totalOrderAmount"];
  if (!options.checkTotals) return null;
  const computed =
    cart.totalBaseAmount.amount +
    cart.totalShippingAmount.amount +
    cart.totalTaxAmount.amount -
    (cart.totalDiscountAmount?.amount ?? 0);
  if (computed !== order.amount) {
    const field = cart.totalOrderAmount ? "totalOrderAmount" : "totalChargeAmount";
    return [
      field,
      `must equal totalBaseAmount + totalShippingAmount + totalTaxAmount − totalDiscountAmount = ${toDecimalString({ amount: computed, currency: order.currency })}`,
    ];
  }
  return null;
}
