import { describe, expect, it } from "vitest";
import { machineCpuUse, parseMachineCpu, readCpuCounters, type CpuCounters } from "./machine-cpu";

describe("parseMachineCpu", () => {
  it("counts idle and I/O wait as not busy, and leaves guest time out (already in user)", () => {
    const stat = "cpu  100 5 50 800 20 3 2 10 7 0\ncpu0 50 2 25 400 10 1 1 5 0 0\nintr 1 2 3\n";
    expect(parseMachineCpu(stat)).toEqual({ busyMs: (100 + 5 + 50 + 3 + 2 + 10) * 10, totalMs: 990 * 10 });
  });

  it("refuses a file without the aggregate line", () => {
    expect(() => parseMachineCpu("cpu0 1 2 3 4 5\n")).toThrow(/no aggregate cpu line/);
  });
});

describe("machineCpuUse", () => {
  const at = (
    shopMs: number,
    emulatorMs: number,
    buyersMs: number,
    busyMs: number,
    totalMs: number,
  ): CpuCounters => ({ shopMs, emulatorMs, buyersMs, machine: { busyMs, totalMs } });

  it("splits the machine's busy time per checkout; the rest is what none of the three used", () => {
    const use = machineCpuUse(at(1000, 500, 200, 10_000, 40_000), at(2000, 800, 300, 12_000, 44_000), 10);
    expect(use.busyPercent).toBe(50);
    expect(use.msPerCheckout).toEqual({ shop: 100, emulator: 30, buyers: 10, rest: 60 });
  });

  it("gives NaN per checkout when none completed", () => {
    expect(machineCpuUse(at(0, 0, 0, 0, 0), at(1, 1, 1, 10, 20), 0).msPerCheckout.shop).toBeNaN();
  });

  it("reads this process's own CPU as the buyers' and the machine's from /proc", () => {
    const before = readCpuCounters([process.pid], null);
    const until = Date.now() + 120;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const after = readCpuCounters([process.pid], null);
    expect(after.buyersMs).toBeGreaterThan(before.buyersMs);
    expect(after.machine.totalMs).toBeGreaterThan(before.machine.totalMs);
    expect(after.emulatorMs).toBe(0);
  });
});
