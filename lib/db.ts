import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma/create-client";
import type { PrismaClient } from "@/lib/prisma/types";

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const holder = globalThis as unknown as { __storefrontPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.__storefrontPrisma ??= createPrismaClient(env().DATABASE_URL);
  return holder.__storefrontPrisma;
}
