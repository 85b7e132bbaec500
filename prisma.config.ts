// Configuration for the Prisma CLI only (migrate, generate); the app never imports it.
// It selects the provider folder from DATABASE_URL and works around the bugs of the
// JavaScript schema engine listed in README "Data layer".
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

try {
  process.loadEnvFile(); // a prisma.config.ts turns off Prisma's own .env loading
} catch {
  // no .env file: defaults apply
}
process.env.DATABASE_URL ??= "file:./dev.db";
const url = process.env.DATABASE_URL;
const provider = /^postgres(ql)?:/.test(url) ? "postgresql" : "sqlite";

type Adapter = Awaited<ReturnType<PrismaLibSQL["connect"]>>;

// The engine replays multi-statement migration scripts through executeRaw, which runs one
// statement only; send parameterless ones to executeScript instead.
function multiStatementSafe<A extends Adapter>(adapter: A): A {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

class MigrateSafeLibSQL extends PrismaLibSQL {
  override async connect() {
    return multiStatementSafe(await super.connect());
  }
  override async connectToShadowDb() {
    return multiStatementSafe(await super.connectToShadowDb());
  }
}

// prisma/orm#27403: pg catalog types name and "char" (and their arrays) cannot be deserialized.
const PG_AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
function pgNameAsText<A extends Adapter>(adapter: A): A {
  const io = adapter as unknown as {
    performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  };
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) field.dataTypeID = PG_AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  return adapter;
}

// Discrete fields, not a connectionString: with a connectionString the adapter's shadow
// database would silently be the real database.
function pgConfig(u: URL) {
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    allowExitOnIdle: true,
  };
}

class MigrateSafePg extends PrismaPg {
  constructor(private readonly cfg: ReturnType<typeof pgConfig>) {
    super(cfg);
  }
  override async connect() {
    return multiStatementSafe(pgNameAsText(await super.connect()));
  }
  override async connectToShadowDb() {
    const main = await this.connect();
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = multiStatementSafe(
      pgNameAsText(await new PrismaPg({ ...this.cfg, database: name }).connect()),
    );
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    provider === "postgresql" ? new MigrateSafePg(pgConfig(new URL(url))) : new MigrateSafeLibSQL({ url }),
});
