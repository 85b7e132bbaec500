import "server-only";
import { env } from "@/lib/env";

export interface ShopSettings {
  name: string;
  url: string;
  /** Set while payments go to the local Amazon Pay sandbox (no credentials configured). */
  localSandbox: { url: string; dashboardUrl: string } | null;
}

export function shopSettings(): ShopSettings {
  const e = env();
  const mode = e.amazonPayMode;
  return {
    name: e.SHOP_NAME,
    url: e.SHOP_URL,
    localSandbox: mode.kind === "local-sandbox" ? { url: mode.sandboxUrl, dashboardUrl: `${mode.sandboxUrl}/__sandbox` } : null,
  };
}
