// Brings the database that DATABASE_URL names to the current schema and seeds the catalog:
// creates the SQLite file when missing, runs `prisma migrate deploy`, then upserts products.
//   npm run db:reset          -> drop everything first (SQLite file removed; PostgreSQL schema dropped)
// The launcher (npm run dev / npm start) and the e2e setup call prepareDatabase().
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { createPrismaClient, providerOf } from "@/lib/prisma/create-client";
import { seedCatalog } from "./seed";

const run = promisify(execFile);

export const DEFAULT_DATABASE_URL = "file:./dev.db";

function sqlitePath(url: string): string | null {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  return file === "" || file === ":memory:" ? null : path.resolve(file);
}

async function dropEverything(url: string): Promise<void> {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (file)
      await Promise.all(
        ["", "-wal", "-shm", "-journal"].map((suffix) => rm(`${file}${suffix}`, { force: true })),
      );
    return;
  }
  const prisma = createPrismaClient(url, { poolSize: 1 });
  try {
    // A server still connected with a transaction open would make the drop wait forever: give
    // up after a minute with PostgreSQL's own error instead (one connection, so the SET holds).
    await prisma.$executeRawUnsafe("SET lock_timeout = '60s'");
    await prisma.$executeRawUnsafe('DROP SCHEMA IF EXISTS "public" CASCADE');
    await prisma.$executeRawUnsafe('CREATE SCHEMA "public"');
  } finally {
    await prisma.$disconnect();
  }
}

async function migrate(url: string): Promise<void> {
  const prismaCli = path.resolve("node_modules/prisma/build/index.js");
  const preload = path.resolve("scripts/unref-long-timers.cjs");
  try {
    await run(process.execPath, [`--require=${preload}`, prismaCli, "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed for ${redactUrl(url)}:\n${stdout}${stderr}`);
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

export async function prepareDatabase(
  options: { url?: string; reset?: boolean; quiet?: boolean } = {},
): Promise<void> {
  const url = options.url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const log = (message: string) => options.quiet || console.log(`[db] ${message}`);
  if (options.reset) {
    await dropEverything(url);
    log(`reset ${redactUrl(url)}`);
  }
  const file = providerOf(url) === "sqlite" ? sqlitePath(url) : null;
  if (file) await mkdir(path.dirname(file), { recursive: true }); // libsql does not create folders
  await migrate(url);
  const prisma = createPrismaClient(url, { poolSize: 1 });
  try {
    if (providerOf(url) === "sqlite") await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const count = await seedCatalog(prisma);
    log(`${redactUrl(url)} migrated, ${count} products seeded`);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  prepareDatabase({ reset: process.argv.includes("--reset") }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
