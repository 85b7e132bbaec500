// A fresh, migrated database for one test file: a temporary SQLite file by default, or a new
// PostgreSQL database when TEST_DATABASE=postgresql (server from TEST_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres). Migrations are applied from the committed
// migration files, exactly as `prisma migrate deploy` would run them.
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type DatabaseProvider } from "@/lib/prisma/create-client";
import type { PrismaClient } from "@/lib/prisma/types";
import { seedCatalog } from "@/scripts/db/seed";

export interface TestDatabase {
  url: string;
  provider: DatabaseProvider;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export const testProvider = (): DatabaseProvider =>
  process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

function migrationScripts(provider: DatabaseProvider): string[] {
  const dir = path.resolve("prisma", provider, "migrations");
  return readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort()
    .map((entry) => readFileSync(path.join(dir, entry, "migration.sql"), "utf8"));
}

async function createSqlite(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "storefront-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  for (const script of migrationScripts("sqlite")) await client.executeMultiple(script);
  client.close();
  return { url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function createPostgres(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `storefront_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const script of migrationScripts("postgresql")) await client.query(script);
  await client.end();
  return {
    url: url.toString(),
    cleanup: async () => {
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const provider = testProvider();
  const { url, cleanup } = provider === "postgresql" ? await createPostgres() : await createSqlite();
  const prisma = createPrismaClient(url, { poolSize: 20 });
  if (options.seed ?? true) await seedCatalog(prisma);
  return {
    url,
    provider,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await cleanup();
    },
  };
}
