// A lease in the database so that, of several storefront instances on one database, one at a
// time runs the periodic reconciler. Portable compare-and-set: create, or take over when the
// current holder is us or its lease has expired.
import { isUniqueViolation } from "@/lib/prisma/errors";
import type { PrismaClient } from "@/lib/prisma/types";

export async function acquireLease(
  prisma: PrismaClient,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await prisma.lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await prisma.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // someone else holds it
    throw error;
  }
}

export async function releaseLease(prisma: PrismaClient, name: string, holder: string): Promise<void> {
  await prisma.lease.deleteMany({ where: { name, holder } });
}
