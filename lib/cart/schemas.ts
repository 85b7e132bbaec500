import { z } from "zod";
import { productSlugSchema } from "@/lib/catalog/product";
import { MAX_QUANTITY_PER_LINE } from "@/lib/pricing/quote";

const quantity = z.coerce
  .number({ error: "Enter a quantity." })
  .refine(Number.isFinite, { error: "Enter a quantity." })
  .int({ error: "Enter a whole number." })
  .min(1, { error: "The quantity must be at least 1." })
  .max(MAX_QUANTITY_PER_LINE, { error: `The quantity can be at most ${MAX_QUANTITY_PER_LINE}.` });

export const addToCartInput = z.object({
  slug: productSlugSchema,
  quantity: z.preprocess((value) => (value === null || value === "" ? "1" : value), quantity),
});

export const updateCartLineInput = z.object({ slug: productSlugSchema, quantity });

export const removeCartLineInput = z.object({ slug: productSlugSchema });
