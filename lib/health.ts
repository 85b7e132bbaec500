import "server-only";
// What /api/health answers: whether this process can serve buyers. The process answers (it is
// up), the database answers a trivial query, and the Amazon Pay configuration is loaded. Cheap
// enough for a load balancer to ask every few seconds; the benchmark measures it as the floor
// of what any request through the shop costs.
import { amazonPayReadiness, type AmazonPayReadiness } from "@/lib/amazon-pay/readiness";
import { db } from "@/lib/db";
import { databaseStatements, databaseTransactions } from "@/lib/prisma/statement-count";

export interface Health {
  status: "ok" | "unavailable";
  uptimeSeconds: number;
  database: { ok: true; ms: number } | { ok: false; problem: string };
  amazonPay: AmazonPayReadiness;
  /** Statements sent to the database since the process started (the benchmark's per-checkout count). */
  databaseStatements: number;
  /** Transactions begun since the process started. */
  databaseTransactions: number;
}

const DATABASE_TIMEOUT_MS = 2_000;

async function databaseHealth(): Promise<Health["database"]> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const timedOut = error instanceof Error && error.message === "timeout";
    return { ok: false, problem: timedOut ? `no answer within ${DATABASE_TIMEOUT_MS} ms` : "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const [database, amazonPay] = await Promise.all([databaseHealth(), amazonPayReadiness()]);
  return {
    status: database.ok && amazonPay.ok ? "ok" : "unavailable",
    uptimeSeconds: Math.round(process.uptime()),
    database,
    amazonPay,
    databaseStatements: databaseStatements(),
    databaseTransactions: databaseTransactions(),
  };
}
