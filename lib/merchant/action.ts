"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { isAdmin } from "@/lib/admin/auth";
import { formFields } from "@/lib/http/form-fields";
import { ORDER_NUMBER_PATTERN } from "@/lib/orders/order-number";
import type { LedgerOutcome } from "./action-ledger";
import { CARRIERS } from "./carriers";
import { cancelAuthorization, closeChargePermission } from "./cancel";
import { capturePayment } from "./capture";
import { parseOrderAmount, refreshFromAmazon } from "./order-action";
import { contestDispute } from "./contest-dispute";
import { contestInputSchema } from "./evidence-files";
import { refundPayment } from "./refund";
import { shipOrder } from "./ship";

// Every merchant action checks the session itself: an action can be posted to any path, so
// the proxy's protection of /admin alone is not enough.
const NOT_SIGNED_IN = "Sign in to the merchant area first.";

const base = {
  orderNumber: z.string().regex(ORDER_NUMBER_PATTERN, { error: "Unknown order." }),
  actionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "This form has expired. Reload the page." }),
};

/** Optional amount as typed; parsed in the order's currency by parseOrderAmount. */
const optionalAmount = z.string().max(40, { error: "Enter an amount such as 12.50." }).nullable();

const toResult = (outcome: LedgerOutcome): ActionResult => {
  refresh();
  return outcome.ok ? success(undefined, { message: outcome.message }) : failure(outcome.error);
};

async function parse<T extends z.ZodRawShape>(shape: T, form: FormData) {
  return z.object(shape).safeParse(formFields(form, Object.keys(shape)));
}

export async function captureAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse({ ...base, amount: optionalAmount }, form);
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Check the form.");
  const amount = await parseOrderAmount(input.data.orderNumber, input.data.amount);
  if (!amount.ok) return failure(amount.error);
  return toResult(await capturePayment(input.data.orderNumber, input.data.actionKey, amount.amountMinor));
}

export async function refundAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse({ ...base, amount: optionalAmount }, form);
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Check the form.");
  const amount = await parseOrderAmount(input.data.orderNumber, input.data.amount);
  if (!amount.ok) return failure(amount.error);
  return toResult(await refundPayment(input.data.orderNumber, input.data.actionKey, amount.amountMinor));
}

export async function cancelAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse(base, form);
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Check the form.");
  return toResult(
    await cancelAuthorization(input.data.orderNumber, input.data.actionKey, "Canceled by the merchant"),
  );
}

export async function closeAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse({ ...base, cancelPendingCharges: z.string().nullable() }, form);
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Check the form.");
  return toResult(
    await closeChargePermission(
      input.data.orderNumber,
      input.data.actionKey,
      "Closed by the merchant",
      input.data.cancelPendingCharges === "on",
    ),
  );
}

export async function shipAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse(
    {
      ...base,
      carrierCode: z.enum(CARRIERS, { error: "Choose a carrier." }),
      trackingNumber: z
        .string({ error: "Enter the tracking number." })
        .trim()
        .regex(/^[A-Za-z0-9-]{5,40}$/, { error: "Enter the tracking number (5 to 40 letters and digits)." }),
    },
    form,
  );
  if (!input.success) return failure(input.error.issues[0]?.message ?? "Check the form.");
  return toResult(
    await shipOrder(
      input.data.orderNumber,
      input.data.actionKey,
      input.data.carrierCode,
      input.data.trackingNumber.toUpperCase(),
    ),
  );
}

export async function refreshOrderAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const input = await parse({ orderNumber: base.orderNumber }, form);
  if (!input.success) return failure("Unknown order.");
  return toResult(await refreshFromAmazon(input.data.orderNumber));
}

/** The files of a form field; anything else (an action called by hand) reads as no files. */
const filesOf = (form: unknown, name: string): File[] =>
  form instanceof FormData ? form.getAll(name).filter((value) => value instanceof File) : [];

export async function contestDisputeAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  if (!(await isAdmin())) return failure(NOT_SIGNED_IN);
  const ids = await parse(
    { ...base, disputeId: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, { error: "Unknown dispute." }) },
    form,
  );
  if (!ids.success) return failure(ids.error.issues[0]?.message ?? "Check the form.");
  const input = await contestInputSchema.safeParseAsync({
    ...formFields(form, ["statement", "evidenceType"]),
    files: filesOf(form, "files"),
  });
  if (!input.success)
    return failure(input.error.issues.map((issue) => issue.message).join(" "), {
      fieldErrors: Object.fromEntries(
        input.error.issues.map((issue) => [String(issue.path[0] ?? "form"), [issue.message]]),
      ),
    });
  return toResult(
    await contestDispute(ids.data.orderNumber, ids.data.actionKey, {
      disputeId: ids.data.disputeId,
      ...input.data,
    }),
  );
}
