import "server-only";
// Runs the reconciler periodically inside a server process, one instance at a time (lease).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { acquireLease } from "./lease";
import { reconcileOnce } from "./reconciler";

const LEASE = "reconciler";

export function startReconcilerLoop(intervalSeconds: number): () => void {
  const holder = `${process.pid}-${randomUUID()}`;
  const intervalMs = intervalSeconds * 1000;
  let running = false;
  const leaseMs = intervalMs * 3;
  const tick = async () => {
    if (running) {
      // A pass can outlast the lease (an Amazon call waiting, a completion claim being waited
      // for): its holder keeps the lease meanwhile, so no other instance starts a second pass.
      await acquireLease(db(), LEASE, holder, leaseMs).catch((error: unknown) =>
        console.error("[reconciler] could not renew the lease:", error),
      );
      return;
    }
    running = true;
    try {
      if (!(await acquireLease(db(), LEASE, holder, leaseMs))) return;
      const summary = await reconcileOnce();
      if (summary.changed > 0 || summary.errors > 0) console.log(`[reconciler] ${JSON.stringify(summary)}`);
    } catch (error) {
      console.error("[reconciler] run failed:", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
