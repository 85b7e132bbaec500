// Prisma's error codes the shop acts on (the same from both providers' clients).

/** P2025: an update, or a nested connect, whose WHERE matched no row. */
export const isRecordNotFound = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2025";
