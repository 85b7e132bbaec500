// Creates a Prisma client on the driver adapter that DATABASE_URL selects. No engine binary is
// involved (generator "prisma-client", engineType "client"). Both providers' clients are
// generated from the same models (scripts/db/generate.mjs), so one build serves either
// database. Scripts use this directly; app code uses the server-only singleton in lib/db.ts.
import { createClient, type Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { withBusyRetry } from "./libsql-busy-retry";

/** The client type the app codes against; the PostgreSQL client has the same models. */
export type PrismaClient = SqliteClient;
export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";
}

class BusyTolerantLibSQL extends PrismaLibSQL {
  override createClient(config: Config) {
    return withBusyRetry(createClient(config));
  }
}

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 });
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  return new SqliteClient({ adapter: new BusyTolerantLibSQL({ url }) });
}
