/**
 * Calls `callback` once the browser is idle (at the latest after `timeoutMs`); returns a
 * function that cancels it. Safari has no requestIdleCallback: a timer stands in.
 */
export function onIdle(callback: () => void, timeoutMs = 2_000): () => void {
  const idle: Partial<Pick<Window, "requestIdleCallback">> = window;
  if (idle.requestIdleCallback) {
    const id = idle.requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, Math.min(timeoutMs, 1_000));
  return () => clearTimeout(id);
}
