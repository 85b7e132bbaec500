import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { acquireLease, releaseLease } from "./lease";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.drop();
});

describe("reconciler lease", () => {
  it("lets one holder at a time run, renews for the holder, and passes on after expiry", async () => {
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect(await acquireLease(database.prisma, "r", "a", 10_000, t0)).toBe(true);
    expect(await acquireLease(database.prisma, "r", "b", 10_000, new Date(t0.getTime() + 1_000))).toBe(false);
    expect(await acquireLease(database.prisma, "r", "a", 10_000, new Date(t0.getTime() + 5_000))).toBe(true);
    expect(await acquireLease(database.prisma, "r", "b", 10_000, new Date(t0.getTime() + 14_000))).toBe(
      false,
    );
    expect(await acquireLease(database.prisma, "r", "b", 10_000, new Date(t0.getTime() + 15_001))).toBe(true);
    await releaseLease(database.prisma, "r", "b");
    expect(await acquireLease(database.prisma, "r", "a", 10_000, new Date(t0.getTime() + 15_002))).toBe(true);
  });

  it("grants exactly one of many concurrent contenders", async () => {
    const now = new Date("2031-01-01T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => acquireLease(database.prisma, "race", `h${i}`, 10_000, now)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
