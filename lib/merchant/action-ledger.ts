// Makes each merchant action run once per idempotency key (rendered into the form): a double
// submit or a retry returns the first result instead of capturing or refunding twice. A run
// that crashed midway ("running" for over a minute) may be resumed: its Amazon calls use keys
// derived from the same action key, so Amazon answers the same way again.
import type { PrismaClient } from "@/lib/prisma/types";
import { isUniqueViolation } from "@/lib/prisma/errors";

export type LedgerOutcome = { ok: true; message: string } | { ok: false; error: string };

const STALE_MS = 60_000;

export async function runOnce(
  prisma: PrismaClient,
  key: string,
  orderId: string,
  kind: string,
  run: () => Promise<LedgerOutcome>,
): Promise<LedgerOutcome> {
  try {
    await prisma.merchantAction.create({ data: { key, orderId, kind, status: "running" } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await prisma.merchantAction.findUniqueOrThrow({ where: { key } });
    if (existing.orderId !== orderId || existing.kind !== kind)
      return { ok: false, error: "This form was already used for another action. Reload the page." };
    if (existing.status !== "running")
      return JSON.parse(existing.result ?? '{"ok":false,"error":"unknown"}') as LedgerOutcome;
    if (Date.now() - existing.updatedAt.getTime() < STALE_MS)
      return { ok: false, error: "This action is already running. Reload the page in a moment." };
    const resumed = await prisma.merchantAction.updateMany({
      where: { key, status: "running", updatedAt: existing.updatedAt },
      data: { updatedAt: new Date() },
    });
    if (resumed.count === 0)
      return { ok: false, error: "This action is already running. Reload the page in a moment." };
  }
  let outcome: LedgerOutcome;
  try {
    outcome = await run();
  } catch (error) {
    await prisma.merchantAction.update({
      where: { key },
      data: { status: "running", updatedAt: new Date(0) },
    }); // let a retry resume at once
    throw error;
  }
  await prisma.merchantAction.update({
    where: { key },
    data: { status: outcome.ok ? "succeeded" : "failed", result: JSON.stringify(outcome) },
  });
  return outcome;
}
