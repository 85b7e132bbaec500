import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const database = vi.hoisted(() => ({ answer: (): Promise<unknown> => Promise.resolve([{ 1: 1 }]) }));
const amazon = vi.hoisted(() => ({
  readiness: (): { ok: true; mode: "emulator" } | { ok: false; problem: string } => ({
    ok: true,
    mode: "emulator",
  }),
}));
vi.mock("@/lib/db", () => ({ db: () => ({ $queryRaw: () => database.answer() }) }));
vi.mock("@/lib/prisma/statement-count", () => ({
  databaseStatements: () => 42,
  databaseTransactions: () => 7,
}));
vi.mock("@/lib/amazon-pay/readiness", () => ({ amazonPayReadiness: () => amazon.readiness() }));

const { checkHealth } = await import("./health");

describe("health", () => {
  beforeEach(() => {
    database.answer = () => Promise.resolve([{ 1: 1 }]);
    amazon.readiness = () => ({ ok: true, mode: "emulator" });
  });
  afterEach(() => vi.useRealTimers());

  it("is ok when the database answers and Amazon Pay is configured", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({
      status: "ok",
      database: { ok: true },
      amazonPay: { ok: true, mode: "emulator" },
    });
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(health.databaseStatements).toBe(42);
    expect(health.databaseTransactions).toBe(7);
  });

  it("is unavailable when the database fails, without its error text", async () => {
    database.answer = () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret"));
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "unavailable", database: { ok: false, problem: "unreachable" } });
    expect(JSON.stringify(health)).not.toContain("secret");
  });

  it("is unavailable when the database does not answer within two seconds", async () => {
    vi.useFakeTimers();
    database.answer = () => new Promise(() => undefined);
    const pending = checkHealth();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await pending).toMatchObject({
      status: "unavailable",
      database: { ok: false, problem: "no answer within 2000 ms" },
    });
  });

  it("is unavailable when Amazon Pay is not configured", async () => {
    amazon.readiness = () => ({ ok: false, problem: "not configured: privateKey" });
    expect(await checkHealth()).toMatchObject({
      status: "unavailable",
      database: { ok: true },
      amazonPay: { ok: false, problem: "not configured: privateKey" },
    });
  });
});
