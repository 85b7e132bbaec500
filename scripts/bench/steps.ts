// npm run bench:steps: what one checkout costs the shop, step by step. One buyer at a time runs
// the redirect checkout over plain HTTP against the production build and the emulator; for each
// step it reads the shop's CPU time (/proc) and its database statement count (/api/health) before
// and after. After the completion it waits until the shop is quiet, so the IPNs Amazon sends
// then are a step of their own. With --log, every statement's SQL goes to a file, step by step.
//
//   npm run bench:steps -- [--database sqlite|postgresql] [--checkouts 20] [--log statements.log]
//                          [--shop-port 3300] [--emulator-port 4310]
import { appendFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formFieldsContaining, HttpBuyer } from "@/e2e/support/http-buyer";
import { startEnvironment, stopAll } from "./environment";
import { databaseWorkBetween, databaseWorkSoFar } from "./floor";
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
if (args.log) {
  writeFileSync(args.log, "");
  process.env.DATABASE_STATEMENT_LOG = args.log; // read by the shop's statement counter
}
const options = parseBenchOptions([
  `--shop-port=${args["shop-port"]}`,
  `--emulator-port=${args["emulator-port"]}`,
]);
process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});

const env = await startEnvironment(options, database, 0);
const totals = new Map<string, { statements: number; transactions: number; cpuMs: number }>();
let measuring = false;

/** Runs one step, adding its statements and transactions (health checks left out) and CPU time. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (args.log && measuring) appendFileSync(args.log, `== ${name}\n`);
  const databaseBefore = await databaseWorkSoFar(env.shopUrl);
  const cpuBefore = processTreeCpuMs(env.shopPid);
  const value = await run();
  const cpuMs = processTreeCpuMs(env.shopPid) - cpuBefore;
  const work = databaseWorkBetween(databaseBefore, await databaseWorkSoFar(env.shopUrl));
  if (measuring) {
    const total = totals.get(name) ?? { statements: 0, transactions: 0, cpuMs: 0 };
    totals.set(name, {
      statements: total.statements + work.statements,
      transactions: total.transactions + work.transactions,
      cpuMs: total.cpuMs + cpuMs,
    });
  }
  return value;
}

/** Waits until the shop has sent no statement for 300 ms (the IPNs are handled). */
async function quiet(): Promise<void> {
  let last = await databaseWorkSoFar(env.shopUrl);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await databaseWorkSoFar(env.shopUrl);
    if (databaseWorkBetween(last, now).statements === 0) return;
    last = now;
  }
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
  const rows = [...totals].map(([name, t]) => ({
    name,
    statements: t.statements / checkouts,
    transactions: t.transactions / checkouts,
    cpuMs: t.cpuMs / checkouts,
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
  if (args.log) console.log(`Statements, step by step: ${args.log}`);
} finally {
  await env.close();
  stopAll();
}
