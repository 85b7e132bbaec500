// Authors a migration for the provider that DATABASE_URL selects:
//   npm run db:migration <name>            (SQLite)
//   DATABASE_URL=postgresql://... npm run db:migration <name>
// It diffs the migration history against prisma/models.prisma, so no shadow database file
// and none of `prisma migrate dev`'s engine bugs are involved. Run it once per provider.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SQLITE_URL, providerFor } from "./providers.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <snake_case_name>");
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? DEFAULT_SQLITE_URL;
const provider = providerFor(url);
const dir = path.join("prisma", provider, "migrations");
const hasHistory = existsSync(dir) && readdirSync(dir).some((entry) => /^\d{14}_/.test(entry));
const from = hasHistory ? ["--from-migrations", dir] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", provider), "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] },
);
if (sql.includes("This is an empty migration")) {
  console.log(`No schema changes for ${provider}.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target, { recursive: true });
writeFileSync(path.join(target, "migration.sql"), sql);
const lock = path.join(dir, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
console.log(`Wrote ${path.join(target, "migration.sql")}`);
