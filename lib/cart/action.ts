"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import { readCartToken, writeCartToken } from "./cookie";
import {
  addToCartOfToken,
  CartError,
  createCartWithLine,
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

/** Adds a product to this browser's cart, creating the cart (and its cookie) on the first add. */
export async function addToCartAction(
  _previous: CartActionResult | null,
  form: FormData,
): Promise<CartActionResult> {
  const input = addToCartInput.safeParse(formFields(form, ["slug", "quantity"]));
  if (!input.success) return invalid(input.error);
  try {
    const token = await readCartToken();
    const { slug, quantity: added } = input.data;
    // Null: no cookie, or no cart has its token (then this add starts a new cart and cookie).
    let quantity = token ? await addToCartOfToken(db(), token, slug, added) : null;
    if (quantity === null) {
      quantity = added;
      await writeCartToken((await createCartWithLine(db(), slug, added)).token);
    }
    // No refresh(): the product page is the same for every buyer, and the header asks the shop
    // for the new count itself once the action ends (components/layout/cart-count.tsx).
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
  const token = await readCartToken();
  if (!token) return failure("Your cart is empty.");
  try {
    await setCartLineQuantity(db(), { token }, input.data.slug, input.data.quantity);
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
  const token = await readCartToken();
  if (!token) return failure("Your cart is empty.");
  try {
    await removeCartLine(db(), { token }, input.data.slug);
    refresh();
    return success(null, { message: "Removed from cart." });
  } catch (error) {
    return fromCartError(error);
  }
}
