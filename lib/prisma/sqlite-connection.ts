// A @libsql/client Client for Prisma's libsql adapter that is safe when several processes
// share one SQLite file (a server, a second server, `npm run reconcile`) and cheaper per
// transaction:
// - One connection per process, with SQLite's busy timeout set on it. @libsql/client opens a new
//   connection for every transaction (busy timeout 0, so a concurrent writer fails at once);
//   here transactions run on the same connection, which is safe because the adapter holds a
//   mutex around each transaction so no other query of this process runs meanwhile.
// - Transactions begin with BEGIN IMMEDIATE: the write lock is taken up front, never upgraded
//   half-way (an upgrade conflict would fail without waiting).
// - libsql leaves a statement that failed with SQLITE_BUSY "in progress", after which COMMIT on
//   that connection fails; so when BUSY still escapes the timeout, the connection is replaced
//   (closing it rolls back whatever it held) and the error goes to the caller.
import {
  createClient,
  type Client,
  type Config,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from "@libsql/client";

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

const closedError = () =>
  Object.assign(new Error("The transaction is closed"), { code: "TRANSACTION_CLOSED" });

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

export function createSqliteClient(config: Config, options: { busyTimeoutMs?: number } = {}): Client {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const open = (): Client => {
    const client = createClient(config);
    // The statement runs synchronously inside execute(); the promise only reports it.
    void client.execute(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    return client;
  };
  let current = open();
  let closed = false;

  function recycle(broken: Client): void {
    if (broken !== current || closed) return;
    current = open();
    try {
      broken.close();
    } catch {
      // already unusable; nothing more to release
    }
  }

  async function on<T>(client: Client, run: (c: Client) => Promise<T>): Promise<T> {
    try {
      return await run(client);
    } catch (error) {
      if (isBusy(error)) recycle(client);
      throw error;
    }
  }

  function transactionOn(client: Client): Transaction {
    let open = true;
    const usable = () => open && client === current;
    const execute = async (statement: InStatement): Promise<ResultSet> => {
      if (!usable()) throw closedError();
      return on(client, (c) => c.execute(statement));
    };
    const finish = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      if (client !== current) return; // the connection was replaced, which rolled it back
      await on(client, (c) => c.execute(sql));
    };
    return {
      execute: execute as Transaction["execute"],
      batch: async (statements: InStatement[]) => {
        const results: ResultSet[] = [];
        for (const statement of statements) results.push(await execute(statement));
        return results;
      },
      executeMultiple: async (sql: string) => {
        if (!usable()) throw closedError();
        await on(client, (c) => c.executeMultiple(sql));
      },
      commit: () => finish("COMMIT"),
      rollback: async () => {
        try {
          await finish("ROLLBACK");
        } catch (error) {
          // After some failures SQLite has already rolled back by itself.
          if (!/no transaction is active/i.test(String((error as Error).message))) throw error;
        }
      },
      close: () => {
        if (open) void finish("ROLLBACK").catch(() => undefined);
      },
      get closed() {
        return !usable();
      },
    } as Transaction;
  }

  const wrapper = {
    execute: (statement: InStatement) => on(current, (c) => c.execute(statement)),
    executeMultiple: (sql: string) => on(current, (c) => c.executeMultiple(sql)),
    batch: (statements: InStatement[], mode?: TransactionMode) =>
      on(current, (c) => c.batch(statements, mode)),
    transaction: async (mode?: TransactionMode) => {
      const client = current;
      await on(client, (c) => c.execute(mode === "read" ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE"));
      return transactionOn(client);
    },
    sync: () => current.sync(),
    close: () => {
      closed = true;
      current.close();
    },
    get closed() {
      return closed;
    },
    get protocol() {
      return current.protocol;
    },
  };
  return wrapper as unknown as Client;
}
