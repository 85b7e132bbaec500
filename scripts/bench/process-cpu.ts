// CPU time (user + system) of a process and all its descendants, read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

/** /proc counts CPU time in ticks of USER_HZ = 100 per second on Linux. */
export const MS_PER_TICK = 10;

interface ProcStat {
  pid: number;
  ppid: number;
  cpuTicks: number;
}

/** Parses /proc/<pid>/stat; the command name may contain spaces and parentheses. */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(")");
  const pid = Number(text.slice(0, text.indexOf(" ")));
  const fields = text.slice(close + 2).split(" ");
  // After "(comm) ": state ppid ... utime is field 14 of the line, i.e. index 11 here.
  return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

function readAll(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, "utf8")));
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}

/** Milliseconds of CPU used so far by `rootPid` (or each of several) and its living descendants. */
export function processTreeCpuMs(rootPid: number | readonly number[]): number {
  const all = readAll();
  const tree = new Set(typeof rootPid === "number" ? [rootPid] : rootPid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const stat of all) {
      if (!tree.has(stat.pid) && tree.has(stat.ppid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  const ticks = all.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpuTicks, 0);
  return ticks * MS_PER_TICK;
}
