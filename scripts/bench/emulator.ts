// npm run bench:emulator — signed Amazon Pay API calls per second against the emulator at
// 0 ms latency. The emulator runs in its own process (as `npm run emulator`); this process only
// generates load. RSA signing costs about a millisecond per request, which would make the load
// generator the bottleneck, so requests are signed before the timed section: a pool of signed
// GETs (each verified in full by the emulator on every call) and one signed POST per Create
// Checkout Session (each with its own idempotency key). Not a test: it asserts nothing.
import { spawn } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signRequest } from "@storefront/amazon-pay/signing";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    concurrency: { type: "string", default: "32" },
    "get-pool": { type: "string", default: "256" },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const GET_POOL = Number(args["get-pool"]);

interface Prepared {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const root = path.join(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "emulator-bench-"));

async function startEmulatorProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ["node_modules/@storefront/amazon-pay-emulator/bin/amazon-pay-emulator.mjs"],
    {
      cwd: root,
      env: {
        ...process.env,
        AMAZON_PAY_EMULATOR_PORT: "0",
        AMAZON_PAY_EMULATOR_DATA_DIR: dataDir,
        AMAZON_PAY_EMULATOR_LATENCY_MS: "0",
        AMAZON_PAY_EMULATOR_QUIET: "true",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(base: URL, p: Prepared): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: base.hostname, port: base.port, method: p.method, path: p.path, headers: p.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(p.body || undefined);
  });
}

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyId = "SANDBOX-BENCHMARK0000000000000";

function prepare(
  base: URL,
  method: string,
  pathname: string,
  body: string,
  idempotencyKey?: string,
): Prepared {
  const url = new URL(pathname, base);
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "x-amz-pay-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-amz-pay-host": url.host,
    "x-amz-pay-region": "na",
    ...(idempotencyKey ? { "x-amz-pay-idempotency-key": idempotencyKey } : {}),
  };
  const { authorization } = signRequest({
    method,
    url,
    headers,
    body,
    publicKeyId,
    privateKey,
    algorithm: "AMZN-PAY-RSASSA-PSS-V2",
  });
  return {
    method,
    path: url.pathname,
    headers: { ...headers, authorization, "content-length": String(Buffer.byteLength(body)) },
    body,
  };
}

async function run(
  base: URL,
  name: string,
  next: (i: number) => Prepared,
  expected: number,
  limit = Infinity,
): Promise<number> {
  let issued = 0;
  let done = 0;
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline && issued < limit) {
        const response = await send(base, next(issued++));
        if (response.status !== expected) failures++;
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const rate = done / elapsed;
  console.log(
    `${name.padEnd(34)} ${String(done).padStart(7)} calls in ${elapsed.toFixed(2)} s = ${rate.toFixed(0).padStart(6)} calls/s${failures ? `  (${failures} unexpected statuses!)` : ""}`,
  );
  return rate;
}

const emulator = await startEmulatorProcess();
try {
  const base = new URL(emulator.url);
  const registered = await fetch(`${emulator.url}/__emulator/merchants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      publicKeyId,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    }),
  });
  const merchant = (await registered.json()) as { storeId: string };
  const createBody = JSON.stringify({
    webCheckoutDetails: { checkoutReviewReturnUrl: "https://shop.example/review" },
    storeId: merchant.storeId,
  });
  const first = await send(
    base,
    prepare(base, "POST", "/v2/checkoutSessions", createBody, randomUUID().replace(/-/g, "")),
  );
  const sessionId = (JSON.parse(first.body) as { checkoutSessionId: string }).checkoutSessionId;

  console.log(
    `Amazon Pay emulator benchmark: ${emulator.url}, latency 0 ms, concurrency ${CONCURRENCY}, ${SECONDS} s per scenario, Node ${process.version}.`,
  );
  console.log(
    "Requests are signed before the timed section (signing ~1 ms each would otherwise bound the load generator);",
  );
  console.log("the emulator verifies every signature in full on every call.\n");

  let signStarted = performance.now();
  const gets = Array.from({ length: GET_POOL }, () =>
    prepare(base, "GET", `/v2/checkoutSessions/${sessionId}`, ""),
  );
  console.log(
    `pre-signed ${GET_POOL} distinct GETs in ${((performance.now() - signStarted) / 1000).toFixed(2)} s (cycled during the run)`,
  );
  const postCount = Math.min(20_000, Math.round(2_500 * SECONDS));
  signStarted = performance.now();
  const posts = Array.from({ length: postCount }, () =>
    prepare(base, "POST", "/v2/checkoutSessions", createBody, randomUUID().replace(/-/g, "")),
  );
  console.log(
    `pre-signed ${postCount} Create Checkout Session POSTs in ${((performance.now() - signStarted) / 1000).toFixed(2)} s (one per call)\n`,
  );

  // Warm-up, so that JIT compilation is not measured.
  await Promise.all(gets.slice(0, 64).map((p) => send(base, p)));

  const getRate = await run(base, "Get Checkout Session (signed GET)", (i) => gets[i % gets.length]!, 200);
  const postRate = await run(base, "Create Checkout Session (POST)", (i) => posts[i]!, 201, posts.length);
  console.log(
    `\nResult: ${getRate.toFixed(0)} signed GET calls/s, ${postRate.toFixed(0)} signed POST calls/s (target ≥ 1,000/s on 2 cores).`,
  );
} finally {
  agent.destroy();
  emulator.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
