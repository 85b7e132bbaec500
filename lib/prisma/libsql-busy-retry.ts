// libsql has no busy timeout: a second process (npm run reconcile, a crashed server's successor)
// that touches the SQLite file while another holds the write lock gets SQLITE_BUSY at once.
// This wrapper retries busy statements with a short backoff and opens every transaction with
// BEGIN IMMEDIATE, so a transaction takes the write lock up front instead of failing half-way
// when it upgrades from reading to writing. Inside one process the Prisma adapter already
// serializes all queries, so IMMEDIATE costs nothing there.
import type { Client, InStatement, TransactionMode } from "@libsql/client";

export interface BusyRetryOptions {
  /** How long to keep retrying a busy statement before giving up. */
  timeoutMs: number;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown; rawCode?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

async function retryWhileBusy<T>(operation: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let delayMs = 2;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 50);
    }
  }
}

export function withBusyRetry(client: Client, options: BusyRetryOptions = { timeoutMs: 10_000 }): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "execute") {
        return (statement: InStatement) => retryWhileBusy(() => target.execute(statement), options);
      }
      if (property === "executeMultiple") {
        return (sql: string) => retryWhileBusy(() => target.executeMultiple(sql), options);
      }
      if (property === "transaction") {
        return (mode?: TransactionMode) =>
          retryWhileBusy(() => target.transaction(mode === "read" ? "read" : "write"), options);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      // The client keeps its connection in private fields, so methods must run on the target.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
