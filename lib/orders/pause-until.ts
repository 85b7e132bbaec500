/** Waits `ms`, or less if `settled` settles first; the timer never outlives the wait. */
export async function pauseUntil(settled: Promise<void> | undefined, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pause = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await (settled ? Promise.race([settled, pause]) : pause);
  clearTimeout(timer);
}
