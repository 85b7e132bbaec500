// npm run bench:steps: what one checkout costs the shop, step by step. One buyer at a time runs
// the redirect checkout over plain HTTP against the production build and the emulator; for each
// step it reads the shop's CPU time (/proc) before and after, and counts the statements the shop
// wrote to its SQL log (DATABASE_STATEMENT_LOG) in between: every statement, whichever request or
// background task sent it. After the completion it waits until the shop is quiet, so the IPNs
// Amazon sends then are a step of their own. --log keeps that SQL log, step by step.
//
//   npm run bench:steps -- [--database sqlite|postgresql] [--checkouts 20] [--log statements.log]
//                          [--shop-port 3300] [--emulator-port 4310]
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formFieldsContaining, HttpBuyer } from "@/e2e/support/http-buyer";
import { startEnvironment, stopAll } from "./environment";
import { SLUG } from "./load";
import { parseBenchOptions } from "./options";
import { processTreeCpuMs } from "./process-cpu";

const { values: args } = parseArgs({
  options: {
    database: { type: "string", default: "sqlite" },
    checkouts: { type: "string", default: "20" },
    log: { type: "string" },
    "shop-port": { type: "string", default: "3300" },
    "emulator-port": { type: "string", default: "4310" },
  },
});
const database = args.database === "postgresql" ? "postgresql" : "sqlite";
const checkouts = Number(args.checkouts);
if (!Number.isInteger(checkouts) || checkouts < 1) throw new Error("--checkouts: a whole number above 0");
const logFile = args.log ?? path.join(mkdtempSync(path.join(tmpdir(), "bench-steps-")), "statements.log");
writeFileSync(logFile, "");
process.env.DATABASE_STATEMENT_LOG = logFile; // the shop's statement counter appends every statement
const options = parseBenchOptions([
  `--shop-port=${args["shop-port"]}`,
  `--emulator-port=${args["emulator-port"]}`,
]);
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

const env = await startEnvironment(options, database, 0);
const cpuByStep = new Map<string, number>();
let measuring = false;

/** Runs one step, marking where it starts in the SQL log and adding its CPU time. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  // The monotonic clock in microseconds, the clock of a V8 CPU profile, so a profile can be cut by step.
  appendFileSync(logFile, `== ${measuring ? name : "warm-up"} @${process.hrtime.bigint() / 1000n}\n`);
  const cpuBefore = processTreeCpuMs(env.shopPid);
  const value = await run();
  if (measuring) cpuByStep.set(name, (cpuByStep.get(name) ?? 0) + processTreeCpuMs(env.shopPid) - cpuBefore);
  return value;
}

/** Waits until the shop has sent no statement for 300 ms (the IPNs are handled). */
async function quiet(): Promise<void> {
  let last = statSync(logFile).size;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = statSync(logFile).size;
    if (now === last) return;
    last = now;
  }
}

/** Statements and transactions (BEGINs) per step, from the SQL log's sections. */
function statementsByStep(): Map<string, { statements: number; transactions: number }> {
  const counts = new Map<string, { statements: number; transactions: number }>();
  let section = "";
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (line.startsWith("== ")) {
      section = line.slice(3).replace(/ @\d+$/, "");
      continue;
    }
    if (!line || section === "warm-up") continue;
    const count = counts.get(section) ?? { statements: 0, transactions: 0 };
    count.statements += 1;
    if (line.startsWith("begin")) count.transactions += 1;
    counts.set(section, count);
  }
  return counts;
}

async function checkout(): Promise<void> {
  const buyer = new HttpBuyer(env.shopUrl, { emulatorUrl: env.emulatorUrl, dataDir: env.dataDir });
  const productPage = await step("product page", () => buyer.html(`/products/${SLUG}`));
  await step("add to cart", () =>
    buyer.request(`/products/${SLUG}`, {
      form: formFieldsContaining(productPage, 'name="slug"'),
      multipart: true,
    }),
  );
  const sessionId = await step("Amazon's hosted page", () => buyer.checkoutAtAmazon());
  const review = await step("review", () => buyer.html(buyer.reviewPath(sessionId)));
  const redirectUrl = await step("place order", async () => {
    const response = await buyer.request(buyer.reviewPath(sessionId), {
      form: formFieldsContaining(review, 'name="fingerprint"'),
      multipart: true,
    });
    return response.headers.get("location") ?? "";
  });
  await step("Amazon's processing page", () => buyer.payAtAmazon(redirectUrl));
  const result = await step("result page", () => buyer.html(buyer.resultPath(sessionId)));
  const destination = await step("complete", () =>
    buyer.complete(sessionId, formFieldsContaining(result, 'name="sessionId"')),
  );
  await step("IPNs", quiet);
  await step("confirmation", () => buyer.html(destination));
}

try {
  for (let i = 0; i < 3; i++) await checkout(); // warm-up: every route compiled and cached
  await quiet();
  measuring = true;
  for (let i = 0; i < checkouts; i++) await checkout();
  await quiet();
  const statements = statementsByStep();
  const rows = [...cpuByStep].map(([name, cpuMs]) => ({
    name,
    statements: (statements.get(name)?.statements ?? 0) / checkouts,
    transactions: (statements.get(name)?.transactions ?? 0) / checkouts,
    cpuMs: cpuMs / checkouts,
  }));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + pick(r), 0);
  console.log(`\n${database}, ${checkouts} checkouts one after the other, per checkout:\n`);
  console.log("| step | database statements | of them, transactions | shop CPU ms |\n|---|---:|---:|---:|");
  const row = (name: string, statements: number, transactions: number, cpuMs: number) =>
    `| ${name} | ${statements.toFixed(1)} | ${transactions.toFixed(1)} | ${cpuMs.toFixed(1)} |`;
  for (const r of rows) console.log(row(r.name, r.statements, r.transactions, r.cpuMs));
  console.log(
    row(
      "**whole checkout**",
      sum((r) => r.statements),
      sum((r) => r.transactions),
      sum((r) => r.cpuMs),
    ),
  );
  console.log("\nCPU is read in 10 ms ticks: a step's figure is the mean over every checkout.");
  console.log(`Statements, step by step: ${logFile}`);
} finally {
  await env.close();
  stopAll();
}
