// Counts the statements this process sends to the database, on either provider: every query and
// command Prisma runs, and the begin, commit and rollback of its transactions. /api/health
// reports the total so the benchmark can give database statements per checkout. A counter is
// all it costs. With DATABASE_STATEMENT_LOG set to a file path, each statement's SQL is also
// appended to that file (`npm run bench:steps -- --log` uses it to show what each step sends).
// watchStatements() hands each statement's SQL and arguments to a listener (tests check the
// query plans with it).
import { appendFileSync } from "node:fs";
/** What Prisma takes as `adapter`: something that connects. */
interface AdapterFactory {
  connect(): Promise<object>;
}

export interface SentStatement {
  sql: string;
  args: readonly unknown[];
}
type StatementListener = (statement: SentStatement) => void;

// On globalThis, as the client in lib/db.ts is: each route's bundle has its own copy of this
// module, and the count must be the process's.
const holder = globalThis as unknown as {
  __storefrontDatabaseStatements?: { count: number; transactions: number };
  __storefrontStatementListeners?: Set<StatementListener>;
};
const counter = (holder.__storefrontDatabaseStatements ??= { count: 0, transactions: 0 });
const listeners = (holder.__storefrontStatementListeners ??= new Set());

/** Statements sent since this process started. */
export const databaseStatements = (): number => counter.count;
/** Transactions begun since this process started (each also counts BEGIN among the statements). */
export const databaseTransactions = (): number => counter.transactions;

/** Calls the listener with every statement this process sends until the returned stop is called. */
export function watchStatements(listener: StatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const statementLog = process.env.DATABASE_STATEMENT_LOG;
function logStatement(name: string, args: unknown[]): void {
  if (!statementLog && listeners.size === 0) return;
  const query = args[0] as { sql?: unknown; args?: unknown } | undefined;
  const sql = typeof query?.sql === "string" ? query.sql : "";
  if (statementLog) appendFileSync(statementLog, `${name} ${sql}\n`);
  const sent = { sql, args: Array.isArray(query?.args) ? query.args : [] };
  for (const listener of listeners) listener(sent);
}

const STATEMENTS = new Set(["queryRaw", "executeRaw", "executeScript"]);
// A transaction ends with COMMIT or ROLLBACK: sent by the adapter itself when its transactions
// use "phantom" queries (libSQL), otherwise by Prisma through executeRaw (pg), counted there.
const ENDS = new Set(["commit", "rollback"]);

const endsItself = (transaction: object) =>
  (transaction as { options?: { usePhantomQuery?: boolean } }).options?.usePhantomQuery === true;

/** The object with its statement methods counted; transactions it starts are counted too. */
function counted<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "startTransaction")
        return async (...args: unknown[]) => {
          counter.count += 1; // BEGIN, sent by the adapter on either provider
          counter.transactions += 1;
          logStatement("begin", []);
          return counted((await method.apply(object, args)) as object);
        };
      const name = typeof property === "string" ? property : "";
      if (STATEMENTS.has(name) || (ENDS.has(name) && endsItself(object)))
        return (...args: unknown[]) => {
          counter.count += 1;
          logStatement(name, args);
          return method.apply(object, args);
        };
      return method.bind(object);
    },
  });
}

/** The adapter factory, with every connection it makes counting its statements. */
export function countingStatements<F extends AdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (property === "connect" && typeof value === "function")
        return async () => counted(await (value as () => Promise<object>).call(object));
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
