import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider } from "@/tests/helpers/database";
import { createSqliteClient } from "./sqlite-connection";

const WRITER = path.resolve("tests/helpers/sqlite-writer-process.ts");
const dirs: string[] = [];
function databaseUrl(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sqlite-connection-"));
  dirs.push(dir);
  return `file:${path.join(dir, "db.sqlite")}`;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(testProvider() !== "sqlite")("SQLite shared by several processes", () => {
  it("a writer waits while another process holds the write lock, instead of failing", async () => {
    const database = await createTestDatabase({ seed: false });
    try {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", WRITER, "hold", database.url, "400"],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      const started = Date.now();
      await database.prisma.lease.create({
        data: { name: "parent", holder: "parent", expiresAt: new Date() },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      await new Promise((resolve) => child.once("exit", resolve));
      expect(await database.prisma.lease.count()).toBe(2);
    } finally {
      await database.drop();
    }
  });

  it("fails with SQLITE_BUSY after the timeout, then works again on a fresh connection", async () => {
    const url = databaseUrl();
    const holder = createSqliteClient({ url });
    const other = createSqliteClient({ url }, { busyTimeoutMs: 50 });
    await holder.execute("CREATE TABLE t (x INTEGER)");
    const tx = await holder.transaction("write");
    await expect(other.transaction("write")).rejects.toMatchObject({
      code: expect.stringMatching(/^SQLITE_BUSY/),
    });
    await expect(other.execute("INSERT INTO t VALUES (1)")).rejects.toMatchObject({
      code: expect.stringMatching(/^SQLITE_BUSY/),
    });
    await tx.rollback();
    const ok = await other.transaction("write");
    await ok.execute("INSERT INTO t VALUES (2)");
    await ok.commit();
    expect((await holder.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual([2]);
  });

  it("runs transactions on one connection: rollback undoes, commit keeps, closed refuses", async () => {
    const client = createSqliteClient({ url: databaseUrl() });
    await client.execute("CREATE TABLE t (x INTEGER)");
    const a = await client.transaction("write");
    await a.execute("INSERT INTO t VALUES (1)");
    await a.rollback();
    const b = await client.transaction("write");
    await b.execute("INSERT INTO t VALUES (2)");
    await b.commit();
    expect(b.closed).toBe(true);
    await expect(b.execute("SELECT 1")).rejects.toMatchObject({ code: "TRANSACTION_CLOSED" });
    expect((await client.execute("SELECT x FROM t")).rows.map((r) => r.x)).toEqual([2]);
  });

  it("read-modify-write transactions of three processes never lose an update", async () => {
    const database = await createTestDatabase();
    try {
      const product = await database.prisma.product.findFirstOrThrow();
      const cart = await database.prisma.cart.create({ data: { tokenHash: "x".repeat(64) } });
      const line = await database.prisma.cartLine.create({
        data: { cartId: cart.id, productId: product.id, quantity: 0 },
      });
      const run = () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [
              "--conditions=react-server",
              "--import",
              "tsx",
              WRITER,
              "increment",
              database.url,
              line.id,
              "25",
            ],
            { stdio: "inherit" },
          );
          child.once("exit", resolve);
        });
      expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
      expect((await database.prisma.cartLine.findUniqueOrThrow({ where: { id: line.id } })).quantity).toBe(
        75,
      );
    } finally {
      await database.drop();
    }
  }, 60_000);
});
