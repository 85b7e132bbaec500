import { describe, expect, it } from "vitest";
import {
  awaitBuyerCompletion,
  BUYER_COMPLETION_WAIT_MS,
  RECENT_COMPLETION_MS,
} from "./await-buyer-completion";

/** A fake clock that sleeping moves forward, and a row whose status changes after `landsAfterMs`. */
function scene(startedAgoMs: number | null, landsAfterMs: number) {
  let t = 1_000_000;
  const started = startedAgoMs === null ? null : new Date(t - startedAgoMs);
  const begin = t;
  let reads = 0;
  const row = () => ({ status: t - begin >= landsAfterMs ? "Paid" : "Draft", completionStartedAt: started });
  return {
    order: row(),
    reread: async () => (reads++, row()),
    options: { now: () => t, sleep: async (ms: number) => void (t += ms) },
    reads: () => reads,
  };
}

describe("awaitBuyerCompletion", () => {
  it("returns the completed order once the buyer's completion lands", async () => {
    const s = scene(200, 450);
    expect((await awaitBuyerCompletion(s.order, s.reread, s.options)).status).toBe("Paid");
    expect(s.reads()).toBe(5);
  });

  it("gives up after the wait when the buyer's completion never lands (its server died)", async () => {
    const s = scene(200, Number.POSITIVE_INFINITY);
    expect((await awaitBuyerCompletion(s.order, s.reread, s.options)).status).toBe("Draft");
    expect(s.reads()).toBe(BUYER_COMPLETION_WAIT_MS / 100);
  });

  it("does not wait when no completion began, or when it began long ago", async () => {
    for (const startedAgo of [null, RECENT_COMPLETION_MS + 1]) {
      const s = scene(startedAgo, 100);
      expect((await awaitBuyerCompletion(s.order, s.reread, s.options)).status).toBe("Draft");
      expect(s.reads()).toBe(0);
    }
  });
});
