// npm run sandbox: the local Amazon Pay sandbox on http://127.0.0.1:4010 (AMAZON_PAY_SANDBOX_HOST,
// _PORT, _DATA_DIR, _PUBLIC_URL, _ASYNC_DELAY_MS, _LATENCY_MS, _QUIET; --quiet). See
// lib/amazon-pay-sandbox/README.md.
import { parseSandboxEnv } from "@/lib/amazon-pay-sandbox/env";
import { startSandbox } from "@/lib/amazon-pay-sandbox";

try {
  process.loadEnvFile();
} catch {
  // No .env file: the environment is used as it is.
}

const env = parseSandboxEnv(process.env);
const quiet = env.AMAZON_PAY_SANDBOX_QUIET || process.argv.includes("--quiet");
const running = await startSandbox({
  host: env.AMAZON_PAY_SANDBOX_HOST,
  port: env.AMAZON_PAY_SANDBOX_PORT,
  dataDir: env.AMAZON_PAY_SANDBOX_DATA_DIR,
  publicUrl: env.AMAZON_PAY_SANDBOX_PUBLIC_URL,
  quiet,
  config: {
    ...(env.AMAZON_PAY_SANDBOX_ASYNC_DELAY_MS !== undefined ? { asyncDelayMs: env.AMAZON_PAY_SANDBOX_ASYNC_DELAY_MS } : {}),
    ...(env.AMAZON_PAY_SANDBOX_LATENCY_MS !== undefined ? { latencyMs: env.AMAZON_PAY_SANDBOX_LATENCY_MS } : {}),
  },
});

console.log(`Amazon Pay sandbox listening on ${running.url}`);
console.log(`  API base:     ${running.url}/v2 (SANDBOX- keys) or ${running.url}/sandbox/v2 (legacy keys)`);
console.log(`  checkout.js:  ${running.url}/checkout.js`);
console.log(`  dashboard:    ${running.url}/__sandbox`);
console.log(`  merchants:    ${running.sandbox.merchants.list().length} registered (data in ${env.AMAZON_PAY_SANDBOX_DATA_DIR})`);

const shutdown = (signal: string) => {
  console.log(`Received ${signal}, stopping the sandbox.`);
  running.close().then(() => process.exit(0), () => process.exit(1));
};
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
