import "server-only";
// Runs once when a server process starts (instrumentation.ts): validates the configuration,
// refuses configurations that must never serve in production, checks the Amazon Pay connection
// (keys, emulator registration) and starts the periodic reconciler.
import { adminSessionSecretProblem } from "@/lib/admin/session-key";
import { emulatorInProductionProblem } from "@/lib/amazon-pay/production-guard";
import { checkAmazonPayAtStartup } from "@/lib/amazon-pay/startup-check";
import { rateTableProblem } from "@/lib/presentment/rate-table-file";
import { env, type Env } from "@/lib/env";
import { startReconcilerLoop } from "@/lib/reconciliation/reconciler-loop";
import { publishCachedPageHeaders } from "@/lib/security/cached-page-headers.mjs";
import { installPeerAddressForwarding } from "@/lib/security/peer-address";
import { cachedPageHeaders } from "@/lib/security/security-headers";

/** What keeps this server from starting, one entry per problem (empty when it may start). */
export function startupRefusals(e: Env): string[] {
  const production = e.NODE_ENV === "production";
  return [
    emulatorInProductionProblem(e, production),
    adminSessionSecretProblem(e, production),
    rateTableProblem(e.EXCHANGE_RATES_FILE),
  ].filter((problem): problem is string => problem !== null);
}

export async function startup(): Promise<void> {
  const e = env(); // throws EnvError listing every problem
  const refusals = startupRefusals(e);
  if (refusals.length > 0) {
    console.error(`[startup] ${refusals.join("\n")}`);
    // Exit rather than throw: Next.js would log a thrown error and keep serving.
    process.exit(1);
  }
  installPeerAddressForwarding();
  // The page cache serves nothing before it has the headers a cached page carries.
  publishCachedPageHeaders(cachedPageHeaders(e));
  await checkAmazonPayAtStartup();
  if (e.RECONCILER_INTERVAL_SECONDS > 0) startReconcilerLoop(e.RECONCILER_INTERVAL_SECONDS);
}
