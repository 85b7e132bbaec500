// Creates a Prisma client on the driver adapter that DATABASE_URL selects. No engine binary is
// involved (generator "prisma-client", engineType "client"). Scripts (seed, reconcile, bench)
// use this directly; app code imports the server-only singleton from lib/db.ts.
import { createClient, type Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withBusyRetry } from "./libsql-busy-retry";

export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";
}

class BusyTolerantLibSQL extends PrismaLibSQL {
  override createClient(config: Config) {
    const client = createClient(config);
    return withBusyRetry(client);
  }
}

export function createPrismaClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter =
    providerOf(url) === "postgresql"
      ? new PrismaPg({ connectionString: url, max: options.poolSize ?? 10 })
      : new BusyTolerantLibSQL({ url });
  return new PrismaClient({ adapter });
}
