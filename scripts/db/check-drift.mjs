// Fails when the two providers drift apart: both schema folders must share the same models
// file, differ only in their provider line, and each migration history must produce exactly
// the models (prisma migrate diff --exit-code). PostgreSQL's check needs a running server
// (DATABASE_URL_POSTGRES, default postgresql://postgres@127.0.0.1:5432/test).
import { execFileSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { DEFAULT_POSTGRES_URL, DEFAULT_SQLITE_URL } from "./providers.mjs";

const failures = [];
const models = realpathSync("prisma/models.prisma");
for (const provider of ["sqlite", "postgresql"]) {
  if (realpathSync(path.join("prisma", provider, "models.prisma")) !== models) {
    failures.push(`prisma/${provider}/models.prisma is not a link to prisma/models.prisma`);
  }
}
const normalize = (text) =>
  text.replaceAll(/\b(sqlite|postgresql)\b/g, "<provider>").replaceAll(/\/\/.*$/gm, "");
const [sqliteSchema, pgSchema] = ["sqlite", "postgresql"].map((p) =>
  normalize(readFileSync(path.join("prisma", p, "schema.prisma"), "utf8")),
);
if (sqliteSchema !== pgSchema)
  failures.push(
    "prisma/sqlite/schema.prisma and prisma/postgresql/schema.prisma differ beyond the provider name",
  );

const targets = [
  ["sqlite", DEFAULT_SQLITE_URL],
  ["postgresql", process.env.DATABASE_URL_POSTGRES ?? DEFAULT_POSTGRES_URL],
];
for (const [provider, url] of targets) {
  try {
    execFileSync(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-migrations",
        path.join("prisma", provider, "migrations"),
        "--to-schema-datamodel",
        path.join("prisma", provider),
        "--exit-code",
      ],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
    );
    console.log(`${provider}: migrations match prisma/models.prisma`);
  } catch (error) {
    const out = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    failures.push(
      error.status === 2
        ? `${provider}: the migrations do not produce prisma/models.prisma; run npm run db:migration <name> for ${provider}\n${out}`
        : `${provider}: prisma migrate diff failed (${error.status})\n${out}`,
    );
  }
}
if (failures.length) {
  for (const failure of failures) console.error(`✗ ${failure}`);
  process.exit(1);
}
