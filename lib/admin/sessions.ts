import "server-only";
// Merchant sessions in the database: a row per sign-in (keyed by the SHA-256 of the session id
// the cookie carries), closed by signing out. A cookie whose signature is right is still refused
// once its session is revoked or gone, so a stolen cookie dies with the merchant's sign-out.
import type { PrismaClient } from "@/lib/prisma/types";
import { ADMIN_SESSION_SECONDS, newSessionId, sessionRowId, type AdminToken } from "./session-token";

/** Sessions this long past their expiry are deleted when the next one starts. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

export async function startAdminSession(prisma: PrismaClient, now = new Date()): Promise<AdminToken> {
  const sessionId = newSessionId();
  const expires = Math.floor(now.getTime() / 1000) + ADMIN_SESSION_SECONDS;
  await prisma.adminSession.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - KEEP_EXPIRED_MS) } },
  });
  await prisma.adminSession.create({
    data: { id: sessionRowId(sessionId), expiresAt: new Date(expires * 1000), createdAt: now },
  });
  return { sessionId, expires };
}

/** True while the session exists, is not revoked and has not expired. */
export async function isOpenAdminSession(
  prisma: PrismaClient,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  const row = await prisma.adminSession.findUnique({
    where: { id: sessionRowId(sessionId) },
    select: { expiresAt: true, revokedAt: true },
  });
  return row !== null && row.revokedAt === null && row.expiresAt > now;
}

export async function revokeAdminSession(
  prisma: PrismaClient,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await prisma.adminSession.updateMany({
    where: { id: sessionRowId(sessionId), revokedAt: null },
    data: { revokedAt: now },
  });
}
