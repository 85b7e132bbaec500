import "server-only";
// Runs once when a server process starts (instrumentation.ts): validates the configuration,
// checks the Amazon Pay connection (keys, emulator registration) and starts the periodic
// reconciler.
import { checkAmazonPayAtStartup } from "@/lib/amazon-pay/startup-check";
import { env } from "@/lib/env";
import { startReconcilerLoop } from "@/lib/reconciliation/reconciler-loop";

export async function startup(): Promise<void> {
  const e = env(); // throws EnvError listing every problem
  await checkAmazonPayAtStartup();
  if (e.RECONCILER_INTERVAL_SECONDS > 0) startReconcilerLoop(e.RECONCILER_INTERVAL_SECONDS);
}
