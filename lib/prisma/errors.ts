// Prisma's error codes the shop acts on (the same from both providers' clients).

/** P2002: a row with the same unique key is already there. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2002";

/** P2025: an update, or a nested connect, whose WHERE matched no row. */
export const isRecordNotFound = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2025";
