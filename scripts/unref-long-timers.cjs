// Prisma's wasm schema engine leaves a long timer pending, so CLI commands would hang
// for 10-60 s after finishing. Unref long timers so the process exits when done.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = setTimeoutOriginal(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000) timer.unref?.();
  return timer;
};
