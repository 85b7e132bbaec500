import "server-only";
// Every Amazon Pay call is logged (one line per attempt) and, when made on behalf of an order,
// appended to that order's payment event log with redacted bodies. The order context travels
// with the async call chain, so the client stays unaware of orders.
import { AsyncLocalStorage } from "node:async_hooks";
import type { AmazonPayLogEntry } from "@storefront/amazon-pay/http";
import { env } from "@/lib/env";
import { recordPaymentEvent, type EventSource } from "@/lib/payment-events";
import type { PrismaClient } from "@/lib/prisma/types";

interface AuditScope {
  entries: AmazonPayLogEntry[];
}

// One scope per process, not per module copy: Next.js bundles instrumentation, route handlers and
// server actions separately, and the Amazon Pay client (with this logger) is shared between them.
const SCOPE_KEY = Symbol.for("amazon-pay-next-storefront/amazon-pay-audit-scope");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<AuditScope> | undefined>;
const scope = (holder[SCOPE_KEY] ??= new AsyncLocalStorage<AuditScope>());

export function amazonPayLogger(entry: AmazonPayLogEntry): void {
  scope.getStore()?.entries.push(entry);
  const level = env().LOG_LEVEL;
  const failed = entry.outcome !== "success";
  if (level === "silent" || (level === "error" && !failed) || (level === "warn" && !failed)) return;
  const line = `[amazon-pay] ${entry.operation} ${entry.method} ${entry.path} → ${entry.status ?? entry.errorKind}${entry.reasonCode ? ` ${entry.reasonCode}` : ""} attempt ${entry.attempt} ${entry.durationMs} ms${entry.requestId ? ` request ${entry.requestId}` : ""}`;
  if (failed) console.warn(line);
  else console.log(line);
}

/** Runs Amazon Pay calls and records each of them in the order's payment event log. */
export async function withAmazonPayAudit<T>(
  prisma: PrismaClient,
  context: { orderId: string | null; source: EventSource },
  run: () => Promise<T>,
): Promise<T> {
  const store: AuditScope = { entries: [] };
  try {
    return await scope.run(store, run);
  } finally {
    if (context.orderId) {
      for (const entry of store.entries) {
        await recordPaymentEvent(prisma, {
          orderId: context.orderId,
          kind: "amazon-call",
          source: context.source,
          summary: `${entry.operation}: ${entry.status ?? entry.errorKind}${entry.reasonCode ? ` ${entry.reasonCode}` : ""}${entry.outcome === "retrying" ? " (retrying)" : ""}`,
          detail: entry,
        });
      }
    }
  }
}
