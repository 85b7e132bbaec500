// npm run bench:lighthouse: Lighthouse (mobile, simulated throttling, Debian's Chromium) on the
// home, product, cart and review pages of the production build, beside a bare App Router page
// of the same Next.js (scripts/page-weight/bare-page-app.ts). The runs are interleaved, the bare
// page's run right before the shop's, for --rounds rounds, so a busy machine weighs on both
// alike; medians are reported. Not a test: figures only. Run `npm run build` first.
//
//   npm run bench:lighthouse -- [--rounds 5] [--shop-port 3320] [--emulator-port 4320] [--bare-port 3322]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertPortFree, waitForHttp } from "@/e2e/support/shop-process";
import { HttpBuyer } from "@/e2e/support/http-buyer";
import { BARE_PAGE_APP_DIR, ensureBarePageApp, NEXT_BIN } from "@/scripts/page-weight/bare-page-app";
import { startEnvironment, stopAll } from "./environment";
import { audit } from "./lighthouse/audit";
import {
  MAX_BLOCKING_RATIO,
  MAX_SCORE_GAP,
  summarizePage,
  summaryTable,
  type RoundPair,
} from "./lighthouse/summary";
import { SLUG } from "./load";
import { parseBenchOptions } from "./options";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "shop-port": { type: "string", default: "3320" },
    "emulator-port": { type: "string", default: "4320" },
    "bare-port": { type: "string", default: "3322" },
    out: { type: "string", default: "bench-results" },
  },
});
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds: "${args.rounds}" is not a whole number`);
const root = path.join(import.meta.dirname, "../..");
if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

async function startBarePage(port: number) {
  await assertPortFree(port);
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: BARE_PAGE_APP_DIR,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await waitForHttp(url, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

ensureBarePageApp();
const bare = await startBarePage(Number(args["bare-port"]));
const options = parseBenchOptions([
  "--shop-port",
  args["shop-port"],
  "--emulator-port",
  args["emulator-port"],
]);
const env = await startEnvironment(options, "sqlite", 0);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopAll();
    void bare.stop().then(() => process.exit(130));
  });

try {
  // One buyer with an item in the cart and a checkout session chosen on Amazon's page: the cart
  // and review pages are theirs (the cookie goes with every request Lighthouse makes).
  const buyer = new HttpBuyer(env.shopUrl, { emulatorUrl: env.emulatorUrl, dataDir: env.dataDir });
  await buyer.addToCart(SLUG);
  const sessionId = await buyer.checkoutAtAmazon();
  const headers = { cookie: buyer.cookieHeader(new URL(env.shopUrl)) };
  const pages = [
    { page: "home", path: "/" },
    { page: "product", path: `/products/${SLUG}` },
    { page: "cart", path: "/cart" },
    { page: "review", path: buyer.reviewPath(sessionId) },
  ];
  // Once each beforehand: the catalog pages are then in the page cache, as for any buyer but the first.
  for (const { path: target } of pages) await buyer.html(target);
  await buyer.html(bare.url);

  const loadBefore = loadavg();
  const pairs = new Map<string, RoundPair[]>(pages.map(({ page }) => [page, []]));
  for (let round = 1; round <= rounds; round += 1) {
    for (const { page, path: target } of pages) {
      const barePage = await audit(bare.url);
      const ours = await audit(new URL(target, env.shopUrl).toString(), headers);
      pairs.get(page)!.push({ bare: barePage, ours });
      console.log(
        `[lighthouse] round ${round}/${rounds} ${page}: score ${ours.score} (bare ${barePage.score}), TBT ${Math.round(ours.totalBlockingTimeMs)} ms (bare ${Math.round(barePage.totalBlockingTimeMs)} ms)`,
      );
    }
  }
  const loadAfter = loadavg();
  const summaries = pages.map(({ page }) => summarizePage(page, pairs.get(page)!));
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    node: process.version,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
  };
  mkdirSync(path.join(root, args.out), { recursive: true });
  const file = path.join(args.out, `lighthouse-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    path.join(root, file),
    `${JSON.stringify({ machine, summaries, runs: Object.fromEntries(pairs) }, null, 2)}\n`,
  );
  console.log(`\nLighthouse, mobile, medians of ${rounds} interleaved rounds (ours / bare page):\n`);
  console.log(summaryTable(summaries));
  console.log(
    `\nAim: within ${MAX_SCORE_GAP} points of the bare page's score, total blocking time at most ${MAX_BLOCKING_RATIO} × the bare page's.`,
  );
  console.log(
    `Load average (1 min) before and after: ${loadBefore[0]!.toFixed(1)}, ${loadAfter[0]!.toFixed(1)} on ${machine.cpus} CPUs. Results: ${file}`,
  );
} finally {
  await env.close();
  await bare.stop();
}
