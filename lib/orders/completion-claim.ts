import "server-only";
// One Complete (or Finalize) at a time per order, whoever asks: the buyer's return, the
// reconciler, an IPN, Buy Now, another instance. The claim is a lease on the order row taken by
// compare-and-set, so it holds across processes and databases alike. Its holder renews it while
// the call to Amazon is in flight; a holder that died lets it lapse within the TTL.
//
// The claim also carries the attempt generation that the idempotency key is derived from. Only
// the holder advances it, and only when Amazon refused the attempt as "not yet" (the session is
// still Open): whether Amazon keeps a refusal under its key is unknown, so a refused key is never
// sent again, and at any moment every caller derives the same key.
import { randomUUID } from "node:crypto";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { env } from "@/lib/env";
import { unlessNotMatched } from "@/lib/prisma/errors";
import type { Order, PrismaClient } from "@/lib/prisma/types";
import { DRAFT_ORDER_COLUMNS, type DraftOrder } from "./draft-order";
import { pauseUntil } from "./pause-until";

/** A claim lapses this long after it was taken or last renewed (COMPLETION_CLAIM_TTL_SECONDS, default 10). */
export const completionClaimTtlMs = (): number => env().COMPLETION_CLAIM_TTL_SECONDS * 1000;
/** How long a caller waits for someone else's claim: long enough for a dead holder's to lapse. */
export const completionWaitMs = (): number => completionClaimTtlMs() + 1_000;
/** How often a holder renews its claim while its work runs: three times per TTL. */
const renewEveryMs = (ttlMs: number): number => Math.floor(ttlMs / 3);
const POLL_MS = 100;

export interface CompletionClaim {
  orderId: string;
  holder: string;
  /** The attempt generation this holder's calls use (completionIdempotencyKey). */
  generation: number;
  /** The order as the claim found it (a Draft: the claim is taken only then). */
  order: DraftOrder;
}

export interface ClaimTiming {
  ttlMs?: number;
  renewMs?: number;
}

/** The idempotency key of a completion attempt; generation 0 is the key derived from the session id alone. */
export function completionIdempotencyKey(
  operation: "complete" | "finalize",
  sessionId: string,
  generation: number,
): string {
  return idempotencyKeyFor(operation, generation === 0 ? sessionId : `${sessionId}#${generation}`);
}

/** A holder name for the logs: who asked, and a random part so that two askers never share one. */
export const claimHolder = (who: string) => `${who}:${randomUUID()}`;

/** True while someone holds the order's claim. */
export const completionClaimHeld = (order: Pick<Order, "completionClaimUntil">, now = new Date()) =>
  order.completionClaimUntil !== null && order.completionClaimUntil.getTime() >= now.getTime();

// The claim's writes are single-row updates guarded by their WHERE clause, each one statement
// (UPDATE ... RETURNING). No row matching the guard means the claim was not ours.

/**
 * Takes the claim of a Draft order (or renews our own); null when someone else holds it or the
 * order left Draft. `completionStartedAt` (the buyer came back) is written with the claim.
 */
export async function takeCompletionClaim(
  prisma: PrismaClient,
  orderId: string,
  holder: string,
  options: { now?: Date; ttlMs?: number; completionStartedAt?: Date } = {},
): Promise<CompletionClaim | null> {
  const now = options.now ?? new Date();
  const row = await unlessNotMatched(
    prisma.order.update({
      where: {
        id: orderId,
        status: "Draft",
        OR: [
          { completionClaimUntil: null },
          { completionClaimUntil: { lt: now } },
          { completionClaimedBy: holder },
        ],
      },
      data: {
        completionClaimedBy: holder,
        completionClaimUntil: new Date(now.getTime() + (options.ttlMs ?? completionClaimTtlMs())),
        ...(options.completionStartedAt ? { completionStartedAt: options.completionStartedAt } : {}),
      },
      select: { ...DRAFT_ORDER_COLUMNS, completionGeneration: true },
    }),
  );
  if (!row) return null;
  const { completionGeneration: generation, ...order } = row;
  return { orderId, holder, generation, order };
}

/** Extends the claim; false when it lapsed and someone else took it. */
export async function renewCompletionClaim(
  prisma: PrismaClient,
  claim: CompletionClaim,
  options: { now?: Date; ttlMs?: number } = {},
): Promise<boolean> {
  const now = options.now ?? new Date();
  const renewed = await unlessNotMatched(
    prisma.order.update({
      where: { id: claim.orderId, completionClaimedBy: claim.holder },
      data: { completionClaimUntil: new Date(now.getTime() + (options.ttlMs ?? completionClaimTtlMs())) },
      select: { id: true },
    }),
  );
  return renewed !== null;
}

/**
 * Gives the claim up. With advanceGeneration (Amazon refused this attempt as "not yet"), the
 * next attempt uses a new idempotency key. Does nothing when the claim is no longer ours.
 */
export async function releaseCompletionClaim(
  prisma: PrismaClient,
  claim: CompletionClaim,
  options: { advanceGeneration?: boolean } = {},
): Promise<boolean> {
  const released = await unlessNotMatched(
    prisma.order.update({
      where: {
        id: claim.orderId,
        completionClaimedBy: claim.holder,
        ...(options.advanceGeneration ? { completionGeneration: claim.generation } : {}),
      },
      data: {
        completionClaimedBy: null,
        completionClaimUntil: null,
        ...(options.advanceGeneration ? { completionGeneration: { increment: 1 } } : {}),
      },
      select: { id: true },
    }),
  );
  return released !== null;
}

// The claims this process holds, each with a promise that settles when its work is over: a
// waiter in the same process (an IPN arriving while the buyer's completion runs, a second tab)
// awaits that instead of reading the order every POLL_MS. On globalThis, as each route's bundle
// has its own copy of this module. Claims held by other instances are still polled.
const processClaims = ((
  globalThis as unknown as { __storefrontHeldClaims?: Map<string, Promise<void>> }
).__storefrontHeldClaims ??= new Map<string, Promise<void>>());

/**
 * Waits until the order leaves Draft, or its claim is free (released or lapsed), or the time is
 * up; returns the order as last read.
 */
export async function awaitCompletionClaim(
  prisma: PrismaClient,
  orderId: string,
  timeoutMs: number,
): Promise<DraftOrder> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: orderId },
      select: DRAFT_ORDER_COLUMNS,
    });
    if (order.status !== "Draft" || !completionClaimHeld(order) || Date.now() >= deadline) return order;
    const heldHere = processClaims.get(orderId);
    const remainingMs = deadline - Date.now();
    await pauseUntil(heldHere, heldHere ? remainingMs : Math.min(POLL_MS, remainingMs));
  }
}

export type ClaimedWork<T> = { kind: "ran"; value: T } | { kind: "not-taken"; order: DraftOrder };

/**
 * What the holder's work answers: its value, whether Amazon refused the attempt as "not yet"
 * (advance the generation), and whether the work's own write already ended the claim.
 */
export interface ClaimedWorkDone<T> {
  value: T;
  advanceGeneration?: boolean;
  claimReleased?: boolean;
}

/**
 * Runs `work` holding the order's claim, renewing it meanwhile, and releases it after (advancing
 * the generation when the work says so), unless the work's own write released it. When someone
 * else holds it, waits up to `waitMs` for it to come free; answers "not-taken" with the order as
 * last read when it does not, or when the order left Draft. `completionStartedAt` (the buyer came
 * back) is written with the claim, or on its own when the claim is someone else's.
 */

export async function withCompletionClaim<T>(
  prisma: PrismaClient,
  orderId: string,
  holder: string,
  work: (claim: CompletionClaim) => Promise<ClaimedWorkDone<T>>,
  options: ClaimTiming & { waitMs?: number; completionStartedAt?: Date } = {},
): Promise<ClaimedWork<T>> {
  const ttlMs = options.ttlMs ?? completionClaimTtlMs();
  const deadline = Date.now() + (options.waitMs ?? 0);
  let completionStartedAt = options.completionStartedAt;
  for (;;) {
    const claim = await takeCompletionClaim(prisma, orderId, holder, { ttlMs, completionStartedAt });
    if (claim) return { kind: "ran", value: await holding(prisma, claim, work, ttlMs, options.renewMs) };
    if (completionStartedAt) {
      // Someone else is completing it: the buyer's return is still recorded, once.
      await prisma.order.updateMany({
        where: { id: orderId, completionStartedAt: null },
        data: { completionStartedAt },
      });
      completionStartedAt = undefined;
    }
    const order = await awaitCompletionClaim(prisma, orderId, Math.max(0, deadline - Date.now()));
    if (order.status !== "Draft" || Date.now() >= deadline) return { kind: "not-taken", order };
  }
}

async function holding<T>(
  prisma: PrismaClient,
  claim: CompletionClaim,
  work: (claim: CompletionClaim) => Promise<ClaimedWorkDone<T>>,
  ttlMs: number,
  renewMs = renewEveryMs(ttlMs),
): Promise<T> {
  const timer = setInterval(() => {
    renewCompletionClaim(prisma, claim, { ttlMs }).catch((error: unknown) =>
      console.warn(`[orders] could not renew the completion claim of order ${claim.orderId}:`, error),
    );
  }, renewMs);
  timer.unref();
  let advanceGeneration = false;
  let released = false;
  let workDone = () => {};
  const held = new Promise<void>((resolve) => (workDone = resolve));
  processClaims.set(claim.orderId, held);
  try {
    const done = await work(claim);
    advanceGeneration = done.advanceGeneration === true;
    released = done.claimReleased === true;
    return done.value;
  } finally {
    clearInterval(timer);
    try {
      if (!released) await releaseCompletionClaim(prisma, claim, { advanceGeneration });
    } finally {
      if (processClaims.get(claim.orderId) === held) processClaims.delete(claim.orderId);
      workDone();
    }
  }
}
