// The per-order payment event log (audit trail). Callers pass already-redacted detail; this
// module refuses obvious secrets as a last line of defence.
import type { PrismaClient } from "@/lib/prisma/types";

/** Who or what caused an event. */
export type EventSource = "buyer" | "return" | "ipn" | "poll" | "merchant" | "reconciler";

export type PaymentEventKind =
  "amazon-call" | "ipn" | "transition" | "refused-transition" | "merchant-action" | "reconciler" | "checkout";

export interface PaymentEventInput {
  orderId: string | null;
  kind: PaymentEventKind;
  source: EventSource | "system";
  summary: string;
  detail?: unknown;
}

type Db = Pick<PrismaClient, "paymentEvent">;

const SECRET_PATTERN = /-----BEGIN [A-Z ]*PRIVATE KEY-----|AMZN-PAY-RSASSA-PSS[^"]*Signature=/;

export function serializeDetail(detail: unknown): string | null {
  if (detail === undefined || detail === null) return null;
  const text = typeof detail === "string" ? detail : JSON.stringify(detail);
  if (SECRET_PATTERN.test(text))
    return JSON.stringify({ redacted: "detail contained secret material and was dropped" });
  return text.length > 20_000 ? `${text.slice(0, 20_000)}…` : text;
}

export async function recordPaymentEvent(prisma: Db, input: PaymentEventInput): Promise<void> {
  await prisma.paymentEvent.create({
    data: {
      orderId: input.orderId,
      kind: input.kind,
      source: input.source,
      summary: input.summary.slice(0, 500),
      detail: serializeDetail(input.detail),
    },
    select: { id: true }, // written, never read back here
  });
}
