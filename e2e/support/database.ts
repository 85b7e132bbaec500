// Direct database access for assertions in e2e tests (the same database the servers use).
import { createPrismaClient, type PrismaClient } from "@/lib/prisma/create-client";
import { e2eDatabaseUrl } from "./environment";

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(e2eDatabaseUrl(), { poolSize: 2 });
  return client;
}
