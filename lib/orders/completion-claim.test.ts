// The completion claim: one holder at a time per order, by compare-and-set in the database, with
// a generation that only the holder advances. Against a real database (SQLite, or PostgreSQL
// with TEST_DATABASE=postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeyFor } from "@storefront/amazon-pay/idempotency";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/database";
import { createDraftOrder } from "@/tests/helpers/orders";
import { databaseStatements } from "@/lib/prisma/statement-count";
import {
  awaitCompletionClaim,
  completionIdempotencyKey,
  releaseCompletionClaim,
  renewCompletionClaim,
  takeCompletionClaim,
  withCompletionClaim,
} from "./completion-claim";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);
const read = (id: string) => database.prisma.order.findUniqueOrThrow({ where: { id } });

describe("the completion claim", () => {
  it("grants exactly one of many concurrent contenders", async () => {
    const order = await createDraftOrder(database.prisma);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => takeCompletionClaim(database.prisma, order.id, `h${i}`)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("refuses others while held, lets the holder renew, and passes on once it lapses", async () => {
    const { id } = await createDraftOrder(database.prisma);
    const ttlMs = 10_000;
    const a = await takeCompletionClaim(database.prisma, id, "a", { now: at(0), ttlMs });
    expect(a).toMatchObject({ orderId: id, holder: "a", generation: 0, order: { id, status: "Draft" } });
    expect(await takeCompletionClaim(database.prisma, id, "b", { now: at(9_000), ttlMs })).toBeNull();
    expect(await renewCompletionClaim(database.prisma, a!, { now: at(9_000), ttlMs })).toBe(true);
    expect(await takeCompletionClaim(database.prisma, id, "b", { now: at(18_000), ttlMs })).toBeNull();
    const b = await takeCompletionClaim(database.prisma, id, "b", { now: at(19_001), ttlMs });
    expect(b?.holder).toBe("b");
    // The holder whose claim lapsed can neither renew nor release it any more.
    expect(await renewCompletionClaim(database.prisma, a!, { now: at(19_002), ttlMs })).toBe(false);
    expect(await releaseCompletionClaim(database.prisma, a!, { advanceGeneration: true })).toBe(false);
    expect(await read(id)).toMatchObject({ completionClaimedBy: "b", completionGeneration: 0 });
  });

  it("is only taken on a Draft order", async () => {
    const { id } = await createDraftOrder(database.prisma);
    await database.prisma.order.update({ where: { id }, data: { status: "Paid" } });
    expect(await takeCompletionClaim(database.prisma, id, "a")).toBeNull();
  });

  it("advances the generation once, when the holder releases it as refused", async () => {
    const { id } = await createDraftOrder(database.prisma);
    const first = await takeCompletionClaim(database.prisma, id, "a");
    expect(await releaseCompletionClaim(database.prisma, first!, { advanceGeneration: true })).toBe(true);
    const second = await takeCompletionClaim(database.prisma, id, "b");
    expect(second?.generation).toBe(1);
    await releaseCompletionClaim(database.prisma, second!);
    expect(await read(id)).toMatchObject({
      completionClaimedBy: null,
      completionClaimUntil: null,
      completionGeneration: 1,
    });
  });

  it("derives the idempotency key from the session and the generation; generation 0 keeps the session's own key", () => {
    expect(completionIdempotencyKey("complete", "S-1", 0)).toBe(idempotencyKeyFor("complete", "S-1"));
    const keys = [0, 1, 2].map((g) => completionIdempotencyKey("complete", "S-1", g));
    expect(new Set(keys).size).toBe(3);
    expect(completionIdempotencyKey("finalize", "S-1", 1)).not.toBe(keys[1]);
  });
});

describe("work under the claim", () => {
  it("runs one worker at a time; a waiter runs after the holder releases", async () => {
    const { id } = await createDraftOrder(database.prisma);
    let running = 0;
    let overlapped = false;
    const work = async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 150));
      running--;
      return { value: "done" };
    };
    const results = await Promise.all(
      ["a", "b", "c"].map((h) => withCompletionClaim(database.prisma, id, h, work, { waitMs: 5_000 })),
    );
    expect(overlapped).toBe(false);
    expect(results.map((r) => r.kind)).toEqual(["ran", "ran", "ran"]);
  });

  it("records the buyer's return with the claim, or on its own when someone else holds the claim", async () => {
    const returned = new Date("2026-12-01T10:00:00Z");
    const free = await createDraftOrder(database.prisma);
    const ran = await withCompletionClaim(database.prisma, free.id, "buyer", async () => ({ value: 1 }), {
      completionStartedAt: returned,
    });
    expect(ran).toEqual({ kind: "ran", value: 1 });
    const held = await createDraftOrder(database.prisma);
    await takeCompletionClaim(database.prisma, held.id, "reconciler");
    const refused = await withCompletionClaim(database.prisma, held.id, "buyer", async () => ({ value: 2 }), {
      completionStartedAt: returned,
    });
    expect(refused.kind).toBe("not-taken");
    for (const { id } of [free, held])
      expect((await database.prisma.order.findUniqueOrThrow({ where: { id } })).completionStartedAt).toEqual(
        returned,
      );
  });

  it("a caller that will not wait is told the claim is taken, with the order as it stands", async () => {
    const { id } = await createDraftOrder(database.prisma);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holder = withCompletionClaim(database.prisma, id, "a", async () => {
      await gate;
      await database.prisma.order.update({ where: { id }, data: { status: "Paid" } });
      return { value: 1 };
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await withCompletionClaim(database.prisma, id, "b", async () => ({ value: 2 }));
    expect(other).toMatchObject({ kind: "not-taken", order: { status: "Draft" } });
    const waiter = withCompletionClaim(database.prisma, id, "c", async () => ({ value: 3 }), {
      waitMs: 5_000,
    });
    release();
    expect(await holder).toEqual({ kind: "ran", value: 1 });
    // The order left Draft while the waiter waited: it is told so, and does not run.
    expect(await waiter).toMatchObject({ kind: "not-taken", order: { status: "Paid" } });
  });

  it("the holder renews its claim while its work outlasts the TTL, and releases it after, even on error", async () => {
    const { id } = await createDraftOrder(database.prisma);
    const timing = { ttlMs: 300, renewMs: 100 };
    const slow = withCompletionClaim(
      database.prisma,
      id,
      "a",
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        throw new Error("boom");
      },
      timing,
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await takeCompletionClaim(database.prisma, id, "b", timing)).toBeNull();
    await expect(slow).rejects.toThrow("boom");
    expect(await read(id)).toMatchObject({ completionClaimedBy: null, completionGeneration: 0 });
  });

  it("a claim whose holder died lapses, and a waiter takes it over", async () => {
    const { id } = await createDraftOrder(database.prisma);
    const started = Date.now(); // before the claim: a slow write must not shorten the wait measured
    await takeCompletionClaim(database.prisma, id, "dead", { ttlMs: 300 });
    const result = await withCompletionClaim(database.prisma, id, "b", async (claim) => ({ value: claim }), {
      waitMs: 5_000,
    });
    expect(result).toMatchObject({ kind: "ran", value: { holder: "b", generation: 0 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("awaitCompletionClaim returns at once for a free claim, and at the deadline for a held one", async () => {
    const { id } = await createDraftOrder(database.prisma);
    expect((await awaitCompletionClaim(database.prisma, id, 5_000)).completionClaimedBy).toBeNull();
    await takeCompletionClaim(database.prisma, id, "a");
    const started = Date.now();
    expect((await awaitCompletionClaim(database.prisma, id, 300)).completionClaimedBy).toBe("a");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a waiter in the holder's own process awaits the holder's work instead of reading the order every 100 ms", async () => {
    const { id } = await createDraftOrder(database.prisma);
    let finish = () => {};
    const holding = withCompletionClaim(database.prisma, id, "holder", async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      return { value: "done" };
    });
    while ((await read(id)).completionClaimedBy !== "holder") await new Promise((r) => setTimeout(r, 10));
    const statementsBefore = databaseStatements();

    const waiting = awaitCompletionClaim(database.prisma, id, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    finish();
    const order = await waiting;

    expect(order.completionClaimedBy).toBeNull();
    // The waiter's read, the holder's release, the waiter's read again: polling would make ten more.
    expect(databaseStatements() - statementsBefore).toBe(3);
    await expect(holding).resolves.toEqual({ kind: "ran", value: "done" });
  });
});
