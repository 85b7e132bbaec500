// What Amazon Pay was asked, seen from both ends: the calls the shop recorded in an order's
// payment event log (with the idempotency key it sent), and the API calls the emulator answered.
import type { RunningEmulator } from "@storefront/amazon-pay-emulator";
import { faultSpecSchema } from "@storefront/amazon-pay-emulator/core/faults";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/prisma/types";

export interface RecordedCall {
  operation: string;
  status: number | null;
  reasonCode: string | null;
  idempotencyKey: string | null;
}

/** The Amazon Pay calls in the order's payment event log, oldest first. */
export async function recordedAmazonCalls(prisma: PrismaClient, orderId: string): Promise<RecordedCall[]> {
  const events = await prisma.paymentEvent.findMany({
    where: { orderId, kind: "amazon-call" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events.map((event) => {
    const detail = JSON.parse(event.detail ?? "{}") as Partial<RecordedCall>;
    return {
      operation: detail.operation ?? "?",
      status: detail.status ?? null,
      reasonCode: detail.reasonCode ?? null,
      idempotencyKey: detail.idempotencyKey ?? null,
    };
  });
}

/** The API calls the emulator answered since the last clearEmulatorLog(), as "METHOD /path status". */
export const emulatorApiCalls = (emulator: RunningEmulator): string[] =>
  emulator.emulator.apiCalls
    .list()
    .map(
      (call) => `${call.method} ${call.path} ${call.status}${call.reasonCode ? ` ${call.reasonCode}` : ""}`,
    );

export const clearEmulatorLog = (emulator: RunningEmulator): void => emulator.emulator.apiCalls.clear();

/** Makes the emulator misbehave on the next calls (see its README, "Developer endpoints"). */
export function injectFault(emulator: RunningEmulator, fault: z.input<typeof faultSpecSchema>): void {
  emulator.emulator.faults.add([faultSpecSchema.parse(fault)]);
}
