import { describe, expect, it } from "vitest";
import { parseProcStat, processTreeCpuMs } from "./process-cpu";

describe("parseProcStat", () => {
  it("reads pid, parent and user + system ticks, even with spaces and parentheses in the name", () => {
    const line =
      "4242 (next-server (v16)) S 4200 4242 4242 0 -1 4194304 100 0 0 0 250 40 0 0 20 0 11 0 123 456 789";
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4200, cpuTicks: 290 });
  });
});

describe("processTreeCpuMs", () => {
  it("grows while this process burns CPU", () => {
    const before = processTreeCpuMs(process.pid);
    const until = Date.now() + 120;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(processTreeCpuMs(process.pid)).toBeGreaterThan(before);
  });
});
