// Creates a Prisma client on the driver adapter that DATABASE_URL selects. No engine binary is
// involved (generator "prisma-client", engineType "client"). Both providers' clients are
// generated from the same models (scripts/db/generate.mjs), so one build serves either
// database. Scripts use this directly; app code uses the server-only singleton in lib/db.ts. The
// types to code against are in ./types.ts.
import type { Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { createSqliteClient } from "./sqlite-connection";
import { countingStatements } from "./statement-count";
import type { PrismaClient } from "./types";

export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";
}

class SharedFileLibSQL extends PrismaLibSQL {
  override createClient(config: Config) {
    return createSqliteClient(config);
  }
}

// Starting a transaction may wait for SQLite's write lock held by another process (up to the
// busy timeout); these limits stay above it so Prisma never abandons a starting transaction.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    const adapter = countingStatements(new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 }));
    return new PostgresClient({
      adapter,
      transactionOptions: TRANSACTION_OPTIONS,
    }) as unknown as PrismaClient;
  }
  return new SqliteClient({
    adapter: countingStatements(new SharedFileLibSQL({ url })),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}
