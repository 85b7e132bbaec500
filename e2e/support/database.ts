// Direct database access for assertions in e2e tests (the same database the servers use).
import { createPrismaClient } from "@/lib/prisma/create-client";
import type { PrismaClient } from "@/lib/prisma/types";
import { e2eDatabaseUrl } from "./environment";

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(e2eDatabaseUrl(), { poolSize: 2 });
  return client;
}
