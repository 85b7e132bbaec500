// Which statements read a whole table instead of finding their rows through an index, as the
// database itself plans them: EXPLAIN QUERY PLAN on SQLite, EXPLAIN with sequential scans priced
// out on PostgreSQL (a small table is otherwise scanned whatever its indexes). A whole index
// walked in order (to sort, say) counts as a whole read too. A lookup without an index reads
// every order the shop ever took, so it slows down with each sale while every test still passes
// on a small database.
import { createClient } from "@libsql/client";
import pg from "pg";
import { watchStatements, type SentStatement } from "@/lib/prisma/statement-count";
import type { TestDatabase } from "./database";

// The catalog does not grow with sales; "sub" is the subquery a count reads its own rows from.
const BOUNDED = new Set(["Product", "ProductPrice", "sub"]);

/** Every statement this process sends while `run` runs. */
export async function statementsOf(run: () => Promise<void>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const stop = watchStatements((statement) => sent.push(statement));
  try {
    await run();
  } finally {
    stop();
  }
  return sent;
}

/** The tables a statement reads in full, asked of one connection kept open for all of them. */
type Planner = { scannedTables(statement: SentStatement): Promise<string[]>; close(): Promise<void> };

function sqlitePlanner(url: string): Planner {
  const client = createClient({ url });
  return {
    async scannedTables(statement) {
      // SQLite plans a statement when it is prepared, whatever the values bound later.
      const plan = await client.execute({
        sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
        args: statement.args.map(() => null),
      });
      return plan.rows.flatMap((row) => {
        const scanned = /^SCAN (?:main\.)?`?(\w+)`?/.exec(String(row.detail))?.[1];
        return scanned ? [scanned] : [];
      });
    },
    close: async () => client.close(),
  };
}

async function postgresPlanner(url: string): Promise<Planner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET enable_seqscan = off");
  return {
    async scannedTables(statement) {
      const plan = await client.query<{ "QUERY PLAN": [{ Plan: PostgresPlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${statement.sql}`,
        [...statement.args],
      );
      return wholeReads(plan.rows[0]!["QUERY PLAN"][0].Plan);
    },
    close: () => client.end(),
  };
}

interface PostgresPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PostgresPlanNode[];
}

/** Tables a PostgreSQL plan reads in full: a sequential scan, or an index walked end to end. */
function wholeReads(node: PostgresPlanNode): string[] {
  const whole =
    node["Relation Name"] !== undefined &&
    (node["Node Type"] === "Seq Scan" ||
      (/^Index (Only )?Scan$/.test(node["Node Type"]) && node["Index Cond"] === undefined));
  return [...(whole ? [node["Relation Name"]!] : []), ...(node.Plans ?? []).flatMap(wholeReads)];
}

/** "Table in: SQL" for each read of a whole table that grows with sales. */
export async function unindexedReads(database: TestDatabase, statements: SentStatement[]): Promise<string[]> {
  const distinct = new Map<string, SentStatement>();
  for (const statement of statements)
    if (/^\s*(SELECT|UPDATE|DELETE)\b/i.test(statement.sql)) distinct.set(statement.sql, statement);
  const planner =
    database.provider === "sqlite" ? sqlitePlanner(database.url) : await postgresPlanner(database.url);
  const found: string[] = [];
  try {
    for (const statement of distinct.values())
      for (const table of await planner.scannedTables(statement))
        if (!BOUNDED.has(table)) found.push(`${table} in: ${statement.sql}`);
  } finally {
    await planner.close();
  }
  return found;
}
