// Where the machine's CPU went during a benchmark level: the shop, the emulator, the simulated
// buyers (this process) and the rest (the database server, the system), per checkout, and how
// busy the machine was. On a machine that runs all of them, the shop competes with the others
// for the same cores, which is what a figure of the shop alone does not show.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { MS_PER_TICK, processTreeCpuMs } from "./process-cpu";

export interface MachineCpuSample {
  /** CPU time of every core not idle (nor waiting on I/O), in milliseconds. */
  busyMs: number;
  /** CPU time of every core, in milliseconds. */
  totalMs: number;
}

/** Parses the aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal ... */
export function parseMachineCpu(procStat: string): MachineCpuSample {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) throw new Error("/proc/stat has no aggregate cpu line");
  // guest and guest_nice (fields 9 and 10) are already counted in user and nice.
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 5 || ticks.some((t) => !Number.isFinite(t)))
    throw new Error(`unreadable /proc/stat line: ${line}`);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = ticks[3]! + ticks[4]!;
  return { busyMs: (total - idle) * MS_PER_TICK, totalMs: total * MS_PER_TICK };
}

export interface CpuCounters {
  shopMs: number;
  emulatorMs: number;
  buyersMs: number;
  machine: MachineCpuSample;
}

export interface MachineCpuUse {
  /** Share of the machine's CPU (all cores) in use during the level, 0 to 100. */
  busyPercent: number;
  cores: number;
  /** Milliseconds of CPU per completed checkout. */
  msPerCheckout: { shop: number; emulator: number; buyers: number; rest: number };
}

export function readCpuCounters(shopPids: readonly number[], emulatorPid: number | null): CpuCounters {
  const usage = process.cpuUsage();
  return {
    shopMs: processTreeCpuMs(shopPids),
    emulatorMs: emulatorPid === null ? 0 : processTreeCpuMs(emulatorPid),
    buyersMs: (usage.user + usage.system) / 1000,
    machine: parseMachineCpu(readFileSync("/proc/stat", "utf8")),
  };
}

export function machineCpuUse(before: CpuCounters, after: CpuCounters, checkouts: number): MachineCpuUse {
  const per = (ms: number) => (checkouts > 0 ? Math.max(0, ms) / checkouts : Number.NaN);
  const shop = after.shopMs - before.shopMs;
  const emulator = after.emulatorMs - before.emulatorMs;
  const buyers = after.buyersMs - before.buyersMs;
  const busy = after.machine.busyMs - before.machine.busyMs;
  const total = after.machine.totalMs - before.machine.totalMs;
  return {
    busyPercent: total > 0 ? (100 * busy) / total : Number.NaN,
    cores: cpus().length,
    msPerCheckout: {
      shop: per(shop),
      emulator: per(emulator),
      buyers: per(buyers),
      rest: per(busy - shop - emulator - buyers),
    },
  };
}
