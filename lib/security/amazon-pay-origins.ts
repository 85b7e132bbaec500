// The origins the browser must reach for Amazon Pay: where checkout.js comes from, and where it
// sends fetches and forms. In emulator mode that is the emulator (its checkout.js talks to the
// origin it was loaded from); with credentials it is Amazon's script host for the region plus
// Amazon's own pages, which the button opens by posting a form.
import { checkoutJsUrl, type Region } from "@storefront/amazon-pay/environment";
import type { Env } from "@/lib/env";

export interface AmazonPayOrigins {
  /** script-src: checkout.js. */
  script: string[];
  /** connect-src: what checkout.js fetches (the Buy Now dialog's calls, sign-out). */
  connect: string[];
  /** form-action: where the Amazon Pay button posts its form, and where "Place order" redirects. */
  form: string[];
  /** img-src: the button's artwork. */
  img: string[];
  /** frame-src: Amazon's own dialogs; the emulator uses none. */
  frame: string[];
}

/**
 * Amazon's hosted pages per region (sign-in, the payment page, apay-*.amazon.* redirects).
 * Not in the API reference; a merchant who sees a CSP report for another Amazon host sets
 * AMAZON_PAY_CHECKOUT_JS_URL or extends this list.
 */
export const AMAZON_PAGE_ORIGINS: Readonly<Record<Region, readonly string[]>> = {
  na: ["https://*.amazon.com"],
  eu: [
    "https://*.amazon.eu",
    "https://*.amazon.co.uk",
    "https://*.amazon.de",
    "https://*.amazon.fr",
    "https://*.amazon.it",
    "https://*.amazon.es",
  ],
  jp: ["https://*.amazon.co.jp", "https://*.amazon.jp"],
};

const unique = (values: string[]) => [...new Set(values)];

type OriginEnv = Pick<Env, "amazonPayMode" | "AMAZON_PAY_REGION" | "AMAZON_PAY_CHECKOUT_JS_URL">;

export function amazonPayOrigins(e: OriginEnv): AmazonPayOrigins {
  if (e.amazonPayMode.kind === "emulator") {
    const emulator = new URL(e.amazonPayMode.emulatorUrl).origin;
    const script = new URL(e.AMAZON_PAY_CHECKOUT_JS_URL ?? `${emulator}/checkout.js`).origin;
    const both = unique([script, emulator]);
    return { script: [script], connect: both, form: both, img: both, frame: [] };
  }
  const region = e.AMAZON_PAY_REGION as Region;
  const script = new URL(e.AMAZON_PAY_CHECKOUT_JS_URL ?? checkoutJsUrl(region)).origin;
  const pages = [...AMAZON_PAGE_ORIGINS[region]];
  const all = unique([script, ...pages]);
  return { script: [script], connect: all, form: all, img: all, frame: all };
}
