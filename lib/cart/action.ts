"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { readCartToken, writeCartToken } from "./cookie";
import {
  addToCart,
  CartError,
  createCart,
  findCartIdByToken,
  removeCartLine,
  setCartLineQuantity,
} from "./repository";
import { formFields } from "@/lib/http/form-fields";
import { addToCartInput, removeCartLineInput, updateCartLineInput } from "./schemas";

type CartActionResult = ActionResult<{ quantity: number } | null>;

function invalid(error: z.ZodError): CartActionResult {
  const { fieldErrors } = z.flattenError(error);
  const first = Object.values(fieldErrors).flat()[0];
  return failure(typeof first === "string" ? first : "Please check the form and try again.", {
    fieldErrors: fieldErrors as Record<string, string[]>,
  });
}

function fromCartError(error: unknown): CartActionResult {
  if (error instanceof CartError) return failure(error.message);
  throw error;
}

async function existingCartId(): Promise<string | null> {
  const token = await readCartToken();
  return token ? findCartIdByToken(db(), token) : null;
}

/** Adds a product to this browser's cart, creating the cart (and its cookie) on the first add. */
export async function addToCartAction(
  _previous: CartActionResult | null,
  form: FormData,
): Promise<CartActionResult> {
  const input = addToCartInput.safeParse(formFields(form, ["slug", "quantity"]));
  if (!input.success) return invalid(input.error);
  try {
    let cartId = await existingCartId();
    if (!cartId) {
      // Validate before creating anything, so a bad request never leaves an empty cart behind.
      const exists = await db().product.count({ where: { slug: input.data.slug, active: true } });
      if (exists === 0) return failure("That product is not available.");
      const created = await createCart(db());
      await writeCartToken(created.token);
      cartId = created.cartId;
    }
    const quantity = await addToCart(db(), cartId, input.data.slug, input.data.quantity);
    refresh();
    return success({ quantity }, { message: "Added to cart." });
  } catch (error) {
    return fromCartError(error);
  }
}

export async function updateCartLineAction(
  _previous: CartActionResult | null,
  form: FormData,
): Promise<CartActionResult> {
  const input = updateCartLineInput.safeParse(formFields(form, ["slug", "quantity"]));
  if (!input.success) return invalid(input.error);
  const cartId = await existingCartId();
  if (!cartId) return failure("Your cart is empty.");
  try {
    await setCartLineQuantity(db(), cartId, input.data.slug, input.data.quantity);
    refresh();
    return success({ quantity: input.data.quantity }, { message: "Quantity updated." });
  } catch (error) {
    return fromCartError(error);
  }
}

export async function removeCartLineAction(
  _previous: CartActionResult | null,
  form: FormData,
): Promise<CartActionResult> {
  const input = removeCartLineInput.safeParse(formFields(form, ["slug"]));
  if (!input.success) return invalid(input.error);
  const cartId = await existingCartId();
  if (!cartId) return failure("Your cart is empty.");
  await removeCartLine(db(), cartId, input.data.slug);
  refresh();
  return success(null, { message: "Removed from cart." });
}
