// `npm run dev` and `npm start`: prepares the database (create, migrate, seed), starts the local
// Amazon Pay emulator when no Amazon credentials are configured (registering the shop's own
// key pair and IPN URL with it), then runs Next.js. Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { EnvError, parseEnv } from "@/lib/env";
import { adminSessionSecretProblem } from "@/lib/admin/session-key";
import { ensureLocalMerchant } from "@/lib/amazon-pay/local-merchant";
import { emulatorInProductionProblem } from "@/lib/amazon-pay/production-guard";
import { prepareDatabase } from "./db/prepare";
import { startEmulatorProcess } from "./local-emulator";

const modeArgument = process.argv[2];
if (modeArgument !== "dev" && modeArgument !== "start") {
  console.error("usage: launch.ts dev|start");
  process.exit(2);
}
const mode: "dev" | "start" = modeArgument;

const children: ChildProcess[] = [];
function stopAll(code: number): never {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(130));
process.on("SIGTERM", () => stopAll(143));

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // `npm start` runs `next start`, a production server: refuse here, before the database and the
  // emulator are touched, with the same words the server itself would use.
  const production = mode === "start" || env.NODE_ENV === "production";
  const refusals = [emulatorInProductionProblem(env, production), adminSessionSecretProblem(env, production)];
  if (refusals.some((problem) => problem !== null)) {
    console.error(refusals.filter((problem) => problem !== null).join("\n"));
    process.exit(1);
  }
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  await prepareDatabase({ url: env.DATABASE_URL });

  if (env.amazonPayMode.kind === "emulator") {
    const merchant = ensureLocalMerchant(env.DATA_DIR);
    const emulator = await startEmulatorProcess({
      url: env.amazonPayMode.emulatorUrl,
      merchant,
      ipnUrl: `${env.SHOP_URL}/api/amazon-pay/ipn`,
    });
    if (emulator.child) children.push(emulator.child);
    console.log(
      `[launch] local Amazon Pay emulator at ${env.amazonPayMode.emulatorUrl} (dashboard: ${env.amazonPayMode.emulatorUrl}/__emulator)`,
    );
  } else {
    console.log(
      `[launch] using Amazon Pay ${env.amazonPayMode.sandbox ? "sandbox" : "LIVE"} with the configured credentials`,
    );
  }

  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, "-p", String(env.PORT)], {
    stdio: "inherit",
    env: process.env,
  });
  children.push(next);
  next.on("exit", (code, signal) => stopAll(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
