// Prisma's error codes the shop acts on (the same from both providers' clients).

/** P2002: a row with the same unique key is already there. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2002";

/** P2025: an update, or a nested connect, whose WHERE matched no row. */
export const isRecordNotFound = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === "P2025";

/**
 * The row a guarded single-row write (`update` with a condition in its WHERE: one
 * `UPDATE ... RETURNING`) returned, or null when no row matched the guard.
 */
export async function unlessNotMatched<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}
