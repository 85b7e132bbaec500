// Disputes as the buyer's bank and Amazon play them, through the emulator's developer endpoints
// (POST /__emulator/disputes and /__emulator/disputes/{id}/settle), by URL like the shop.
import type { RunningEmulator } from "@storefront/amazon-pay-emulator";

async function post(emulator: RunningEmulator, path: string, body: unknown): Promise<{ disputeId: string }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { disputeId: string };
}

/** The buyer's bank files a chargeback against a captured charge; answers the dispute id. */
export async function openChargeback(
  emulator: RunningEmulator,
  chargeId: string,
  options: { amount?: string; filingReason?: string } = {},
): Promise<string> {
  return (await post(emulator, "/__emulator/disputes", { chargeId, ...options })).disputeId;
}

/** Amazon decides the dispute: "won" for the merchant, "lost" for the buyer, or asks for more evidence. */
export async function settleChargeback(
  emulator: RunningEmulator,
  disputeId: string,
  outcome: "won" | "lost" | "moreEvidence",
): Promise<void> {
  await post(emulator, `/__emulator/disputes/${encodeURIComponent(disputeId)}/settle`, { outcome });
}
