// Started by Playwright's webServer: resets the e2e database, starts the local Amazon Pay
// sandbox (short settle delay) and one production server per payment intent, then waits.
// Run `npm run build` first. SIGTERM (Playwright's teardown) stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { ensureLocalMerchant } from "@/lib/payments/local-merchant";
import { prepareDatabase } from "@/scripts/db/prepare";
import { startLocalSandbox } from "@/scripts/local-sandbox";
import { assertLocalDatabase, E2E_DATA_DIR, e2eDatabaseUrl, SANDBOX_URL, shopUrl, SHOPS, type ShopIntent } from "./environment";

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  await client.end();
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not come up`);
}

async function main() {
  const databaseUrl = e2eDatabaseUrl();
  assertLocalDatabase(databaseUrl);
  rmSync(`${E2E_DATA_DIR}/sandbox`, { recursive: true, force: true });
  if (databaseUrl.startsWith("postgres")) await ensurePostgresDatabase(databaseUrl);
  await prepareDatabase({ url: databaseUrl, reset: true, quiet: true });

  const merchant = ensureLocalMerchant(E2E_DATA_DIR);
  const sandboxEnv = {
    AMAZON_PAY_SANDBOX_DATA_DIR: `${E2E_DATA_DIR}/sandbox`,
    AMAZON_PAY_SANDBOX_ASYNC_DELAY_MS: process.env.AMAZON_PAY_SANDBOX_ASYNC_DELAY_MS ?? "1500",
    AMAZON_PAY_SANDBOX_QUIET: "1",
  };
  const sandbox = await startLocalSandbox({
    url: SANDBOX_URL,
    merchant,
    ipnUrl: `${shopUrl()}/api/amazon-pay/ipn`,
    env: sandboxEnv,
  });
  if (sandbox.child) children.push(sandbox.child);

  const { hostname, port } = new URL(SANDBOX_URL);
  for (const [intent, { port: shopPort }] of Object.entries(SHOPS) as [ShopIntent, { port: number }][]) {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(shopPort), "-H", "127.0.0.1"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        DATA_DIR: E2E_DATA_DIR,
        PORT: String(shopPort),
        SHOP_URL: shopUrl(intent),
        AMAZON_PAY_SANDBOX_HOST: hostname,
        AMAZON_PAY_SANDBOX_PORT: port,
        AMAZON_PAY_PAYMENT_INTENT: intent,
        ADMIN_PASSWORD: "e2e-admin-password",
        RECONCILER_INTERVAL_SECONDS: "1",
        RECONCILER_POLL_BASE_SECONDS: "1",
        RECONCILER_DRAFT_GRACE_SECONDS: "5",
      },
    });
    children.push(child);
    await waitForHttp(`${shopUrl(intent)}/`, child);
  }
  console.log(`[e2e] shops ${Object.keys(SHOPS).map((i) => shopUrl(i as ShopIntent)).join(", ")} and sandbox ${SANDBOX_URL} ready on ${databaseUrl.split("?")[0]}`);
}

main().catch((error: unknown) => {
  console.error(error);
  stop();
});
