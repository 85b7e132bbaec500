import "server-only";
import { env } from "@/lib/env";

export interface ShopSettings {
  name: string;
  url: string;
  /** Set while payments go to the local Amazon Pay emulator (no credentials configured). */
  emulator: { url: string; dashboardUrl: string } | null;
}

export function shopSettings(): ShopSettings {
  const e = env();
  const mode = e.amazonPayMode;
  return {
    name: e.SHOP_NAME,
    url: e.SHOP_URL,
    emulator:
      mode.kind === "emulator"
        ? { url: mode.emulatorUrl, dashboardUrl: `${mode.emulatorUrl}/__emulator` }
        : null,
  };
}
