// A production server without Amazon Pay credentials would quietly take every payment on the
// local emulator: orders "paid", no money moved. It refuses to start unless the operator opts in
// for a demo. Checked by the server's start-up self-check (lib/startup.ts) and, for `npm start`,
// by the launcher before it starts anything. Pure: no secrets, no I/O.
import type { Env } from "@/lib/env";

type GuardEnv = Pick<Env, "amazonPayMode" | "ALLOW_EMULATOR_IN_PRODUCTION">;

export function emulatorInProductionProblem(e: GuardEnv, production: boolean): string | null {
  if (!production || e.amazonPayMode.kind !== "emulator" || e.ALLOW_EMULATOR_IN_PRODUCTION) return null;
  return [
    "Refusing to start: this is a production server (NODE_ENV=production) and no Amazon Pay credentials are set, so every payment would go to the local emulator and no money would move.",
    "  - To take payments, set AMAZON_PAY_MERCHANT_ID, AMAZON_PAY_STORE_ID, AMAZON_PAY_PUBLIC_KEY_ID and AMAZON_PAY_PRIVATE_KEY (or AMAZON_PAY_PRIVATE_KEY_PATH); see docs/going-live.md.",
    "  - To run a demo on the emulator anyway, set ALLOW_EMULATOR_IN_PRODUCTION=true.",
  ].join("\n");
}
