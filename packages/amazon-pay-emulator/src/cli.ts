// npm run emulator: the local Amazon Pay emulator on http://127.0.0.1:4010 (AMAZON_PAY_EMULATOR_HOST,
// _PORT, _DATA_DIR, _PUBLIC_URL, _ASYNC_DELAY_MS, _LATENCY_MS, _QUIET; --quiet), started by
// bin/amazon-pay-emulator.mjs. See README.md.
import { parseEmulatorEnv } from "./env";
import { startEmulator } from "./index";

try {
  process.loadEnvFile();
} catch {
  // No .env file: the environment is used as it is.
}

const env = parseEmulatorEnv(process.env);
const quiet = env.AMAZON_PAY_EMULATOR_QUIET || process.argv.includes("--quiet");
const running = await startEmulator({
  host: env.AMAZON_PAY_EMULATOR_HOST,
  port: env.AMAZON_PAY_EMULATOR_PORT,
  dataDir: env.AMAZON_PAY_EMULATOR_DATA_DIR,
  publicUrl: env.AMAZON_PAY_EMULATOR_PUBLIC_URL,
  quiet,
  config: {
    ...(env.AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS !== undefined
      ? { asyncDelayMs: env.AMAZON_PAY_EMULATOR_ASYNC_DELAY_MS }
      : {}),
    ...(env.AMAZON_PAY_EMULATOR_LATENCY_MS !== undefined
      ? { latencyMs: env.AMAZON_PAY_EMULATOR_LATENCY_MS }
      : {}),
  },
});

console.log(`Amazon Pay emulator listening on ${running.url}`);
console.log(`  API base:     ${running.url}/v2 (SANDBOX- keys) or ${running.url}/sandbox/v2 (legacy keys)`);
console.log(`  checkout.js:  ${running.url}/checkout.js`);
console.log(`  dashboard:    ${running.url}/__emulator`);
console.log(
  `  merchants:    ${running.emulator.merchants.list().length} registered (data in ${env.AMAZON_PAY_EMULATOR_DATA_DIR})`,
);

const shutdown = (signal: string) => {
  console.log(`Received ${signal}, stopping the emulator.`);
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
