// Deferred parts of a page (a button's code, Amazon's checkout.js, rendering a button) each run
// in a task of their own, one after the other: started together, they would otherwise add up to
// one long task that blocks the buyer's input.
let queue: Promise<unknown> = Promise.resolve();

/** A promise that settles in a later task, once the browser has had a turn. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `job` in a task of its own, after every job queued before it has settled (a job that
 * returns a promise keeps the next one waiting until it settles).
 */
export function inTurn<T>(job: () => T | Promise<T>): Promise<T> {
  const run = queue.then(nextTask).then(job);
  queue = run.catch(() => undefined);
  return run;
}
