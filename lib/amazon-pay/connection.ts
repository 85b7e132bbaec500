import "server-only";
// The shop's Amazon Pay connection: the client built from the environment (real credentials)
// or from the generated emulator merchant, plus what pages need to render buttons.
import { createAmazonPayClient, type AmazonPayClient } from "@storefront/amazon-pay/client";
import { loadAmazonPayConfig, type AmazonPayConfigInput } from "@storefront/amazon-pay/config";
import { env, type PaymentIntent } from "@/lib/env";
import { currentMarket } from "@/lib/market/server";
import type { Currency } from "@/lib/money";
import { amazonPayLogger } from "./audit";
import { ensureLocalMerchant } from "./local-merchant";

export interface AmazonPaySettings {
  mode: "emulator" | "sandbox" | "live";
  merchantId: string;
  storeId: string;
  publicKeyId: string;
  checkoutJsUrl: string;
  ledgerCurrency: Currency;
  paymentIntent: PaymentIntent;
  canHandlePendingAuthorization: boolean;
  /** Origins whose SNS certificates the IPN endpoint trusts besides AWS (the emulator). */
  trustedCertOrigins: string[];
  /** The emulator's own URL (for registering the merchant and the dashboard link). */
  emulatorUrl: string | null;
}

interface Connection {
  client: AmazonPayClient;
  settings: AmazonPaySettings;
}

function configInput(): {
  input: AmazonPayConfigInput;
  emulatorUrl: string | null;
  checkoutJsUrl: string | null;
} {
  const e = env();
  if (e.amazonPayMode.kind === "emulator") {
    const merchant = ensureLocalMerchant(e.DATA_DIR);
    const url = e.AMAZON_PAY_API_BASE_URL ?? e.amazonPayMode.emulatorUrl;
    return {
      input: {
        merchantId: merchant.merchantId,
        storeId: merchant.storeId,
        publicKeyId: merchant.publicKeyId,
        privateKey: merchant.privateKeyPem,
        region: e.AMAZON_PAY_REGION,
        sandbox: true,
        algorithm: e.AMAZON_PAY_ALGORITHM,
        baseUrl: url,
      },
      emulatorUrl: e.amazonPayMode.emulatorUrl,
      checkoutJsUrl: e.AMAZON_PAY_CHECKOUT_JS_URL ?? `${e.amazonPayMode.emulatorUrl}/checkout.js`,
    };
  }
  return {
    input: {
      merchantId: e.AMAZON_PAY_MERCHANT_ID ?? "",
      storeId: e.AMAZON_PAY_STORE_ID ?? "",
      publicKeyId: e.AMAZON_PAY_PUBLIC_KEY_ID ?? "",
      ...(e.AMAZON_PAY_PRIVATE_KEY
        ? { privateKey: e.AMAZON_PAY_PRIVATE_KEY }
        : { privateKeyPath: e.AMAZON_PAY_PRIVATE_KEY_PATH }),
      region: e.AMAZON_PAY_REGION,
      sandbox: e.AMAZON_PAY_SANDBOX,
      algorithm: e.AMAZON_PAY_ALGORITHM,
      ...(e.AMAZON_PAY_API_BASE_URL ? { baseUrl: e.AMAZON_PAY_API_BASE_URL } : {}),
    },
    emulatorUrl: null,
    checkoutJsUrl: e.AMAZON_PAY_CHECKOUT_JS_URL ?? null,
  };
}

const holder = globalThis as unknown as { __storefrontAmazonPay?: Connection };

/** The Amazon Pay client and settings of this process (built once; throws a clear config error). */
export function amazonPay(): Connection {
  if (holder.__storefrontAmazonPay) return holder.__storefrontAmazonPay;
  const e = env();
  const { input, emulatorUrl, checkoutJsUrl } = configInput();
  const config = loadAmazonPayConfig(input);
  const client = createAmazonPayClient(config, {
    log: amazonPayLogger,
    logBodies: true,
    userAgent: "amazon-pay-next-storefront/0.1",
    // Bounded so a buyer never waits long: after this the page says Amazon Pay is not answering
    // (nothing is lost: completions are finished later by the reconciler with the same key).
    retry: {
      maxAttempts: e.AMAZON_PAY_MAX_ATTEMPTS,
      attemptTimeoutMs: e.AMAZON_PAY_ATTEMPT_TIMEOUT_MS,
      maxTotalTimeMs: e.AMAZON_PAY_MAX_TOTAL_MS,
    },
  });
  const mode = emulatorUrl ? "emulator" : config.sandbox ? "sandbox" : "live";
  holder.__storefrontAmazonPay = {
    client,
    settings: {
      mode,
      merchantId: config.merchantId,
      storeId: config.storeId,
      publicKeyId: config.publicKeyId,
      checkoutJsUrl: checkoutJsUrl ?? client.environment.checkoutJsUrl,
      ledgerCurrency: currentMarket().ledgerCurrency,
      paymentIntent: e.AMAZON_PAY_PAYMENT_INTENT,
      canHandlePendingAuthorization: e.canHandlePendingAuthorization,
      trustedCertOrigins: emulatorUrl ? [new URL(emulatorUrl).origin] : [],
      emulatorUrl,
    },
  };
  return holder.__storefrontAmazonPay;
}
