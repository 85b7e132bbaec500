// The periodic reconciler runs on one instance at a time: its holder keeps the database lease
// even through a pass that lasts longer than the lease itself.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";

let database: TestDatabase;
vi.mock("@/lib/db", () => ({ db: () => database.prisma }));
const pass = vi.hoisted(() => ({ durationMs: 0, runs: 0, running: false }));
vi.mock("./reconciler", () => ({
  reconcileOnce: async () => {
    pass.runs += 1;
    pass.running = true;
    await new Promise((resolve) => setTimeout(resolve, pass.durationMs));
    pass.running = false;
    return { drafts: 0, charges: 0, refunds: 0, disputes: 0, changed: 0, errors: 0 };
  },
}));

const { startReconcilerLoop } = await import("./reconciler-loop");

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.drop();
});

describe("the reconciler loop", () => {
  it("keeps its lease through a pass three times longer than the lease", async () => {
    // The lease lasts three intervals (1.5 s); renewed every 0.5 s, it has a second of slack on a busy machine.
    pass.durationMs = 4_500;
    const stop = startReconcilerLoop(0.5);
    try {
      const holders = new Set<string>();
      let lapsed = 0;
      const until = Date.now() + 4_500;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const lease = await database.prisma.lease.findUnique({ where: { name: "reconciler" } });
        if (!lease) continue; // the first tick has not run yet
        holders.add(lease.holder);
        if (lease.expiresAt.getTime() < Date.now()) lapsed += 1;
      }
      expect(pass.runs).toBeGreaterThanOrEqual(1);
      expect(holders.size).toBe(1);
      expect(lapsed).toBe(0);
    } finally {
      stop();
      while (pass.running) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 20_000);
});
