import "server-only";
// The Amazon Pay part of a server's start: builds the connection once (an unusable configuration
// is reported field by field), says which Amazon Pay the shop talks to, and registers the shop
// with the emulator when it is in use.
import { AmazonPayConfigError } from "@storefront/amazon-pay/errors";
import { env } from "@/lib/env";
import { currentMarket, isTaxIncluded } from "@/lib/market/server";
import { amazonPay } from "./connection";
import { ensureLocalMerchant } from "./local-merchant";

/**
 * Makes sure the emulator knows the shop's key (when the server was started without the
 * launcher, or the emulator was restarted). An IPN URL already registered is left alone: like
 * Seller Central's setting, it belongs to whoever set it up (the launcher or a test harness).
 */
async function registerWithEmulator(url: string): Promise<void> {
  const e = env();
  const merchant = ensureLocalMerchant(e.DATA_DIR);
  // The emulator, like Amazon, only answers a key in its merchant account's region.
  const { region, ledgerCurrency } = currentMarket();
  try {
    const known = await fetch(`${url}/__emulator/merchants`, { signal: AbortSignal.timeout(3000) });
    let hasIpnUrl = false;
    if (known.ok) {
      const { merchants } = (await known.json()) as {
        merchants?: {
          publicKeyId: string;
          ipnUrl: string | null;
          region?: string;
          ledgerCurrency?: string;
        }[];
      };
      const record = merchants?.find((m) => m.publicKeyId === merchant.publicKeyId);
      hasIpnUrl = Boolean(record?.ipnUrl);
      if (hasIpnUrl && record?.region === region && record.ledgerCurrency === ledgerCurrency) return;
    }
    const response = await fetch(`${url}/__emulator/merchants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        publicKeyId: merchant.publicKeyId,
        publicKey: merchant.publicKeyPem,
        merchantId: merchant.merchantId,
        storeId: merchant.storeId,
        ...(hasIpnUrl ? {} : { ipnUrl: `${e.SHOP_URL}/api/amazon-pay/ipn` }),
        region,
        ledgerCurrency,
      }),
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok)
      console.warn(
        `[startup] the local Amazon Pay emulator refused the shop's registration: HTTP ${response.status}`,
      );
  } catch {
    console.warn(
      `[startup] the local Amazon Pay emulator is not running at ${url}; start it with \`npm run emulator\` (npm run dev and npm start do it for you).`,
    );
  }
}

export async function checkAmazonPayAtStartup(): Promise<void> {
  const e = env();
  let settings;
  try {
    settings = amazonPay().settings;
  } catch (error) {
    if (error instanceof AmazonPayConfigError) {
      console.error(
        `[startup] Amazon Pay configuration is not usable:\n${error.problems.map((p) => `  - ${p.field}: ${p.message}`).join("\n")}`,
      );
    }
    throw error;
  }
  console.log(
    `[startup] Amazon Pay ${settings.mode} (merchant ${settings.merchantId}, key ${settings.publicKeyId}), payment intent ${settings.paymentIntent}${settings.canHandlePendingAuthorization ? ", pending authorizations accepted" : ""}`,
  );
  const market = currentMarket();
  console.log(
    `[startup] Market: Amazon Pay region ${market.region}, ledger currency ${market.ledgerCurrency} (prices in ${market.locale}, ${isTaxIncluded(market.taxMode) ? `${market.taxMode} included` : "sales tax added"}), delivering to ${market.deliveryCountries.join(", ")}`,
  );
  if (settings.mode !== "emulator" && !e.AMAZON_PAY_IPN_TOPIC_ARN?.length) {
    console.warn(
      "[startup] AMAZON_PAY_IPN_TOPIC_ARN is not set: every IPN is refused (the log names each refused TopicArn) and pending payments settle by polling only. Set it to the SNS topic of your Amazon Pay IPNs.",
    );
  }
  if (settings.mode === "live" && !e.SHOP_URL.startsWith("https://")) {
    console.warn("[startup] SHOP_URL is not https: Amazon Pay live requires https return URLs.");
  }
  if (settings.emulatorUrl) await registerWithEmulator(settings.emulatorUrl);
}
