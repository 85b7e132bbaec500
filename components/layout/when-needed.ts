import { onIdle } from "./on-idle";

/** What the buyer does that shows they are there: any of these starts every deferred part. */
const INTERACTIONS = ["pointerdown", "pointermove", "keydown", "touchstart", "scroll", "focusin"] as const;

/**
 * Calls `start` once, as soon as one of: the buyer scrolls `element`'s place near the viewport,
 * the buyer first interacts with the page, or the browser is idle (at the latest after
 * `idleTimeoutMs`). A place already in view when the page opens waits for one of the others,
 * so what starts comes after the page has become interactive. Returns a function that cancels.
 */
export function whenNeeded(
  element: Element,
  start: () => void,
  { margin = "300px", idleTimeoutMs = 2_000 }: { margin?: string; idleTimeoutMs?: number } = {},
): () => void {
  let done = false;
  const go = () => {
    if (done) return;
    cancel();
    start();
  };
  // The first report is where the page opened: a place in view then waits for the rest too.
  let first = true;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!first && entries.some((entry) => entry.isIntersecting)) go();
      first = false;
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  for (const type of INTERACTIONS) window.addEventListener(type, go, { passive: true, capture: true });
  const cancelIdle = onIdle(go, idleTimeoutMs);
  function cancel() {
    done = true;
    observer.disconnect();
    for (const type of INTERACTIONS) window.removeEventListener(type, go, { capture: true });
    cancelIdle();
  }
  return cancel;
}
