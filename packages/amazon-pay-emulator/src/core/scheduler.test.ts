import { describe, expect, it } from "vitest";
import { Clock, DAY } from "./clock";
import { Scheduler } from "./scheduler";

describe("scheduler on the movable clock", () => {
  it("runs due events in time order when the clock jumps, including events they schedule", () => {
    let real = 1_000_000;
    const clock = new Clock(() => real);
    const scheduler = new Scheduler(clock);
    const ran: string[] = [];
    scheduler.schedule(clock.now() + 30 * DAY, "thirty days", () => ran.push("30d"));
    scheduler.schedule(clock.now() + DAY, "one day", (at) => {
      ran.push("1d");
      scheduler.schedule(at + DAY, "chained", () => ran.push("2d"));
    });
    scheduler.schedule(clock.now() + 400 * DAY, "later", () => ran.push("400d"));
    clock.advance(31 * DAY);
    expect(scheduler.runDue()).toBe(3);
    expect(ran).toEqual(["1d", "2d", "30d"]);
    expect(scheduler.size).toBe(1);
    real += 1;
    scheduler.stop();
  });

  it("does not run cancelled events and never moves backwards", () => {
    const clock = new Clock(() => 0);
    const scheduler = new Scheduler(clock);
    const id = scheduler.schedule(10, "cancelled", () => {
      throw new Error("must not run");
    });
    scheduler.cancel(id);
    clock.advance(100);
    expect(scheduler.runDue()).toBe(0);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    scheduler.stop();
  });

  it("fires due events by itself as real time passes", async () => {
    const clock = new Clock();
    const scheduler = new Scheduler(clock);
    const fired = new Promise<number>((resolve) => scheduler.schedule(clock.now() + 20, "soon", resolve));
    await expect(fired).resolves.toBeGreaterThan(0);
    scheduler.stop();
  });
});
