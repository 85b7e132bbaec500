import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/database";
import { databaseStatements } from "./statement-count";

const database = await createTestDatabase({ seed: true });
afterAll(() => database.drop());

describe("the statement count", () => {
  it("counts each statement a query sends", async () => {
    const before = databaseStatements();
    await database.prisma.product.count();
    await database.prisma.$queryRaw`SELECT 1`;
    expect(databaseStatements() - before).toBe(2);
  });

  it("counts a transaction's begin, its statements and its commit", async () => {
    const before = databaseStatements();
    await database.prisma.$transaction(async (tx) => {
      await tx.product.count();
      await tx.product.findFirst({ where: { slug: "sailcloth-tote" } });
    });
    expect(databaseStatements() - before).toBe(4);
  });

  it("counts a rolled-back transaction too", async () => {
    const before = databaseStatements();
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.product.count();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(databaseStatements() - before).toBe(3);
  });
});
