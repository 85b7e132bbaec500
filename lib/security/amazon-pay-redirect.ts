// Where "Place order" may send the buyer: amazonPayRedirectUrl comes from Amazon Pay's answer,
// and the shop follows it only onto Amazon's own pages for the configured region (https, any
// subdomain of the region's Amazon domains, the same list the Content-Security-Policy allows),
// or, in emulator mode, onto the emulator. Anything else would make the shop an open redirect
// for whoever can shape that answer.
import type { Region } from "@storefront/amazon-pay/environment";
import type { Env } from "@/lib/env";
import { AMAZON_PAGE_ORIGINS } from "./amazon-pay-origins";

type RedirectEnv = Pick<Env, "amazonPayMode" | "AMAZON_PAY_REGION">;

/** The domains whose subdomains may serve Amazon Pay's pages in a region ("amazon.com", ...). */
export function amazonPayPageDomains(region: Region): string[] {
  return AMAZON_PAGE_ORIGINS[region].map((origin) => origin.replace(/^https:\/\/\*\./, ""));
}

export function isAllowedAmazonPayRedirect(raw: string, e: RedirectEnv): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (e.amazonPayMode.kind === "emulator") return url.origin === new URL(e.amazonPayMode.emulatorUrl).origin;
  if (url.protocol !== "https:" || url.port !== "") return false;
  const host = url.hostname.toLowerCase();
  return amazonPayPageDomains(e.AMAZON_PAY_REGION as Region).some((domain) => host.endsWith(`.${domain}`));
}
