// Starts one production storefront server (next start) wired to the e2e database and emulator.
// Used by the e2e harness (one per payment intent) and by the crash and multi-instance tests,
// which start, SIGKILL and restart extra servers.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { CrashPoint, PaymentIntent } from "@/lib/env";
import { E2E_DATA_DIR, e2eDatabaseUrl, EMULATOR_URL } from "./environment";

export interface ShopProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Secrets every instance of one shop must share (README, "Deployment"). */
export const SHARED_INSTANCE_ENV = {
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c3RvcmVmcm9udC1lMmUtc2VydmVyLWFjdGlvbnMta2V5IQ==",
  ADMIN_PASSWORD: "e2e-admin-password",
  ADMIN_SESSION_SECRET: "e2e-admin-session-secret-0123456789abcdef",
};

/**
 * A production server on the emulator must opt in (lib/amazon-pay/production-guard.ts). The
 * tests reach the shop straight from 127.0.0.1, so a test that plays several clients names its
 * own in X-Forwarded-For, as one proxy in front would; the checkout rate limit is off except
 * where a test sets it.
 */
export const E2E_SHOP_ENV = {
  ALLOW_EMULATOR_IN_PRODUCTION: "true",
  TRUSTED_PROXY_HOPS: "1",
  CHECKOUT_RATE_LIMIT_PER_MINUTE: "0",
  // A server killed mid-Complete holds its completion claim until it lapses (production: 10 s).
  COMPLETION_CLAIM_TTL_SECONDS: "3",
};

/** For an instance that is to crash at a crash point: only the test's own request may reach it. */
const NO_BACKGROUND_WORK = { RECONCILER_INTERVAL_SECONDS: "0" };

/** The environment of an instance that SIGKILLs itself at `point` (lib/crash-point.ts). */
export const crashAt = (point: CrashPoint) => ({ STOREFRONT_CRASH_POINT: point, ...NO_BACKGROUND_WORK });

// Up to 150 s: on a busy machine (e2e runs side by side in `npm test`) `next start` can take a
// minute, and its first page longer. A request the server accepted is waited for until the
// deadline, never abandoned: giving up on a slow first render only queues another one behind it.
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 150_000): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastProblem = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server for ${url} exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error); // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `${url} did not come up within ${Math.round((Date.now() - started) / 1000)} s (${lastProblem})`,
  );
}

/** Refuses to start on a busy port: a leftover server would answer in the new one's place. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new Error(`port ${port} is already in use (a server left over from an earlier run?)`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startShop(options: {
  port: number;
  intent?: PaymentIntent;
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<ShopProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  await assertPortFree(options.port);
  const { hostname, port } = new URL(EMULATOR_URL);
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(options.port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", options.quiet ? "ignore" : "inherit", options.quiet ? "ignore" : "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: e2eDatabaseUrl(),
        DATA_DIR: E2E_DATA_DIR,
        PORT: String(options.port),
        SHOP_URL: url,
        AMAZON_PAY_EMULATOR_HOST: hostname,
        AMAZON_PAY_EMULATOR_PORT: port,
        AMAZON_PAY_PAYMENT_INTENT: options.intent ?? "AuthorizeWithCapture",
        RECONCILER_INTERVAL_SECONDS: "1",
        RECONCILER_POLL_BASE_SECONDS: "1",
        RECONCILER_DRAFT_GRACE_SECONDS: "5",
        ...E2E_SHOP_ENV,
        ...SHARED_INSTANCE_ENV,
        ...options.env,
      },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await waitForHttp(`${url}/`, child);
  } catch (error) {
    child.kill("SIGKILL"); // a server that never came up must not outlive the run
    throw error;
  }
  return {
    url,
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
