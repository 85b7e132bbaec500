// Fault injection for the crash-safety tests (e2e/crash-safety.spec.ts): when
// STOREFRONT_CRASH_POINT (lib/env.ts) names a point, the process kills itself with SIGKILL right
// there: no cleanup, no finally blocks, exactly like a power cut or an OOM kill. Unset (always,
// outside those tests) it does nothing. The points sit where a crash must be survivable.
import { env, type CrashPoint } from "@/lib/env";

export function crashPoint(point: CrashPoint): void {
  if (env().STOREFRONT_CRASH_POINT !== point) return;
  console.error(`[crash-point] ${point}: SIGKILL`);
  process.kill(process.pid, "SIGKILL");
}
