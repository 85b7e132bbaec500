import "server-only";
// Failed merchant sign-ins per client address, in the database so that every instance counts the
// same failures: at most ADMIN_SIGNIN_MAX_FAILURES within ADMIN_SIGNIN_LOCKOUT_MINUTES, and the
// failure that reaches the limit locks the client out for that long. While locked out, no
// password is even compared. A successful sign-in forgets the client's failures.
import type { PrismaClient } from "@/lib/prisma/types";
import { isUniqueViolation } from "@/lib/prisma/errors";

export interface ThrottlePolicy {
  maxFailures: number;
  lockoutMs: number;
}

/** Until when this client is locked out, or null. */
export async function lockedOutUntil(
  prisma: PrismaClient,
  clientKey: string,
  now = new Date(),
): Promise<Date | null> {
  const row = await prisma.adminSignInThrottle.findUnique({
    where: { clientKey },
    select: { lockedUntil: true },
  });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure; answers the end of the lockout when this failure starts one. */
export async function recordFailedSignIn(
  prisma: PrismaClient,
  clientKey: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<Date | null> {
  try {
    await prisma.adminSignInThrottle.create({ data: { clientKey, failures: 0, windowStartedAt: now } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // the client failed before: count on its row
  }
  // A window that ended (or a lockout that ran out) starts over.
  await prisma.adminSignInThrottle.updateMany({
    where: { clientKey, windowStartedAt: { lte: new Date(now.getTime() - policy.lockoutMs) } },
    data: { failures: 0, windowStartedAt: now, lockedUntil: null },
  });
  const counted = await prisma.adminSignInThrottle.update({
    where: { clientKey },
    data: { failures: { increment: 1 } },
  });
  if (counted.failures < policy.maxFailures) return null;
  const until = new Date(now.getTime() + policy.lockoutMs);
  await prisma.adminSignInThrottle.update({
    where: { clientKey },
    data: { failures: 0, windowStartedAt: until, lockedUntil: until },
  });
  return until;
}

export async function clearFailedSignIns(prisma: PrismaClient, clientKey: string): Promise<void> {
  await prisma.adminSignInThrottle.deleteMany({ where: { clientKey } });
}
