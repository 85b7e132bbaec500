// A buyer without a browser: the checkout over plain HTTP, the way a browser without
// JavaScript does it (every step has a no-JS path: server-action forms post as multipart and
// answer with redirects). Used by the crash, race and multi-instance tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { signButtonPayload } from "@storefront/amazon-pay/signing";
import { marketFor } from "@/lib/market/markets";
import { deliverySpecifications } from "@/lib/pricing/shipping-rules";
import { E2E_DATA_DIR, EMULATOR_URL } from "./environment";

interface LocalMerchantFile {
  merchantId: string;
  storeId: string;
  publicKeyId: string;
  privateKeyPem: string;
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The named inputs of the first <form> in the HTML that contains `marker`. */
export function formFieldsContaining(html: string, marker: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing ${marker}`);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (!name) continue;
    if (/type="(radio|checkbox)"/.test(input) && !/\schecked/.test(input)) continue;
    fields[decode(name)] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

export class HttpBuyer {
  // Cookies belong to a host name, not to a port (RFC 6265), as in browsers.
  private readonly jars = new Map<string, Map<string, string>>();

  /** `amazon`: the emulator and the data dir holding the shop's local merchant key (default: the e2e run's). */
  constructor(
    public shopUrl: string,
    private readonly amazon: { emulatorUrl: string; dataDir: string } = {
      emulatorUrl: EMULATOR_URL,
      dataDir: E2E_DATA_DIR,
    },
  ) {}

  /** The cookies this buyer holds for `url`'s host, as name and value. */
  cookies(url: URL): [name: string, value: string][] {
    return [...(this.jars.get(url.hostname) ?? new Map<string, string>()).entries()];
  }

  /** The Cookie header this buyer sends to `url`. */
  cookieHeader(url: URL): string {
    return this.cookies(url)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
  }

  private remember(url: URL, response: Response): void {
    const jar = this.jars.get(url.hostname) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.jars.set(url.hostname, jar);
  }

  /** One request, redirects not followed; relative URLs are on the shop. */
  async request(
    target: string,
    init: { method?: string; form?: Record<string, string>; multipart?: boolean } = {},
  ): Promise<Response> {
    const url = new URL(target, this.shopUrl);
    let body: BodyInit | undefined;
    const headers: Record<string, string> = { cookie: this.cookieHeader(url) };
    if (init.form) {
      if (init.multipart) {
        const data = new FormData();
        for (const [k, v] of Object.entries(init.form)) data.append(k, v);
        body = data;
      } else {
        body = new URLSearchParams(init.form).toString();
        headers["content-type"] = "application/x-www-form-urlencoded";
      }
      headers.origin = url.origin;
    }
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    this.remember(url, response);
    return response;
  }

  async html(target: string): Promise<string> {
    const response = await this.request(target);
    if (response.status !== 200) throw new Error(`GET ${target}: ${response.status}`);
    return response.text();
  }

  /** Posts a server-action form found on `page` (as a browser without JavaScript would) and returns the response. */
  async submit(page: string, marker: string, overrides: Record<string, string> = {}): Promise<Response> {
    const fields = { ...formFieldsContaining(await this.html(page), marker), ...overrides };
    return this.request(page, { form: fields, multipart: true });
  }

  async addToCart(slug: string, quantity = 1): Promise<void> {
    const response = await this.submit(`/products/${slug}`, 'name="slug"', { quantity: String(quantity) });
    if (response.status >= 400) throw new Error(`add to cart: ${response.status}`);
  }

  /** Presses the Amazon Pay button and chooses on the hosted page; returns the checkout session id. */
  async checkoutAtAmazon(choice: { addressId?: string; paymentMethodId?: string } = {}): Promise<string> {
    const { emulatorUrl, dataDir } = this.amazon;
    const merchant = JSON.parse(
      readFileSync(path.join(dataDir, "local-merchant.json"), "utf8"),
    ) as LocalMerchantFile;
    const payloadJSON = JSON.stringify({
      storeId: merchant.storeId,
      webCheckoutDetails: {
        checkoutReviewReturnUrl: `${this.shopUrl}/checkout/review`,
        checkoutCancelUrl: `${this.shopUrl}/cart?checkout=session-canceled`,
      },
      scopes: ["name", "email", "phoneNumber", "billingAddress"],
      deliverySpecifications: deliverySpecifications(marketFor("na", "USD")),
    });
    const algorithm = "AMZN-PAY-RSASSA-PSS-V2";
    const started = await this.request(`${emulatorUrl}/checkout/start`, {
      form: {
        payloadJSON,
        signature: signButtonPayload(payloadJSON, merchant.privateKeyPem, algorithm),
        publicKeyId: merchant.publicKeyId,
        algorithm,
        merchantId: merchant.merchantId,
        productType: "PayAndShip",
      },
    });
    const hosted = new URL(started.headers.get("location") ?? "", emulatorUrl);
    const sessionId = hosted.searchParams.get("amazonCheckoutSessionId");
    if (!sessionId) throw new Error(`checkout/start answered ${started.status}`);
    const page = await this.html(hosted.toString());
    const fields = formFieldsContaining(page, 'name="amazonCheckoutSessionId"');
    const chosen = await this.request(`${emulatorUrl}/checkout`, {
      form: {
        ...fields,
        addressId: choice.addressId ?? "ava-home",
        paymentMethodId: choice.paymentMethodId ?? "visa-1111",
      },
    });
    const review = chosen.headers.get("location") ?? "";
    if (!review.includes("/checkout/review"))
      throw new Error(`hosted page answered ${chosen.status} ${review}`);
    return sessionId;
  }

  reviewPath = (sessionId: string) =>
    `/checkout/review?amazonCheckoutSessionId=${encodeURIComponent(sessionId)}`;
  resultPath = (sessionId: string) =>
    `/checkout/result?amazonCheckoutSessionId=${encodeURIComponent(sessionId)}`;

  /** "Place order": returns Amazon's redirect URL (amazonPayRedirectUrl). */
  async placeOrder(sessionId: string): Promise<string> {
    const response = await this.submit(this.reviewPath(sessionId), 'name="fingerprint"');
    const location = response.headers.get("location");
    if (response.status !== 303 || !location?.includes("/checkout/processing"))
      throw new Error(`place order answered ${response.status} ${location ?? ""}`);
    return location;
  }

  /** Amazon's processing page: returns the shop's result URL it redirects to. */
  async payAtAmazon(redirectUrl: string): Promise<string> {
    const response = await this.request(redirectUrl);
    const location = response.headers.get("location") ?? "";
    if (!location.includes("/checkout/result"))
      throw new Error(`processing answered ${response.status} ${location}`);
    return location;
  }

  /** The result page's completion (no-JS form): returns where the buyer is sent. */
  async complete(sessionId: string, fields?: Record<string, string>): Promise<string> {
    const form =
      fields ?? formFieldsContaining(await this.html(this.resultPath(sessionId)), 'name="sessionId"');
    const response = await this.request(this.resultPath(sessionId), { form, multipart: true });
    if (response.status !== 303) throw new Error(`complete answered ${response.status}`);
    return response.headers.get("location") ?? "";
  }

  /** The result page's completion form, to post it many times at once. */
  async completionForm(sessionId: string): Promise<Record<string, string>> {
    return formFieldsContaining(await this.html(this.resultPath(sessionId)), 'name="sessionId"');
  }
}
