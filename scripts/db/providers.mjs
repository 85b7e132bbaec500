// Which Prisma provider folder a DATABASE_URL selects (same rule as prisma.config.ts and lib/db.ts).
export const DEFAULT_SQLITE_URL = "file:./dev.db";
export const DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";

export function providerFor(url) {
  return /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";
}
