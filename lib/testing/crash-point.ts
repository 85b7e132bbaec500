// Fault injection for the crash-safety tests (e2e/crash-safety.spec.ts): when the environment
// variable STOREFRONT_CRASH_POINT names a point, the process kills itself with SIGKILL right
// there: no cleanup, no finally blocks, exactly like a power cut or an OOM kill. Unset (always,
// outside those tests) it does nothing.
export const CRASH_POINTS = [
  "place-order:before-update",
  "place-order:after-update",
  "complete:after-amazon",
  "complete:during-write",
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export function crashPoint(point: CrashPoint): void {
  if (process.env.STOREFRONT_CRASH_POINT !== point) return;
  console.error(`[crash-point] ${point}: SIGKILL`);
  process.kill(process.pid, "SIGKILL");
}
