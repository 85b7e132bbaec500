// Helpers of the after-sale conformance suites: a captured charge, a chargeback opened as the
// buyer's bank would, and reports finished by moving the emulator clock.
import type { Charge } from "@storefront/amazon-pay/schemas/charge";
import type { Dispute } from "@storefront/amazon-pay/schemas/dispute";
import { formatAmzDate } from "@storefront/amazon-pay/signing";
import { emulatorJson } from "../helpers";
import { amazonPay, chargeablePermission, emulator, USD } from "./harness";

export const SANDBOX_SETTLEMENT = "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_";

/** A OneTime checkout charged and captured at once; the permission gets an order id and store name. */
export async function capturedCharge(amount = "100.00", merchantReferenceId = "HP-1001"): Promise<Charge> {
  const permissionId = await chargeablePermission(amount);
  await amazonPay.chargePermissions.update(permissionId, {
    merchantMetadata: { merchantReferenceId, merchantStoreName: "Harbor & Pine" },
  });
  const { data } = await amazonPay.charges.create({
    chargePermissionId: permissionId,
    chargeAmount: USD(amount),
    captureNow: true,
  });
  return data;
}

/** POST /__emulator/disputes: a chargeback against the charge. */
export async function openChargeback(
  chargeId: string,
  extra: Record<string, unknown> = {},
): Promise<Dispute> {
  const opened = await emulatorJson<Dispute>(emulator, "/__emulator/disputes", {
    body: { chargeId, ...extra },
  });
  if (opened.status !== 201) throw new Error(`chargeback refused: ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export const settle = (disputeId: string, outcome: "won" | "lost" | "moreEvidence") =>
  emulatorJson<Dispute>(emulator, `/__emulator/disputes/${disputeId}/settle`, { body: { outcome } });

/** Moves the clock past the report processing time. */
export function finishReports(): void {
  emulator.emulator.advanceClock(emulator.emulator.config.reportProcessingMs + 1);
}

export const amzTime = (ms: number) => formatAmzDate(new Date(ms));
