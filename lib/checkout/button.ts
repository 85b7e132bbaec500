import "server-only";
// The Amazon Pay button's createCheckoutSessionConfig, built and signed on
// the server: where Amazon returns the buyer, which buyer data the shop needs, and where the
// shop ships (deliverySpecifications, the market's delivery countries). No amount is in it: amounts are set at "Place order".
import { isPresentmentCurrencyOf } from "@storefront/amazon-pay/regions";
import { env } from "@/lib/env";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { currentMarket } from "@/lib/market/server";
import type { Currency } from "@/lib/money";
import { deliverySpecifications } from "@/lib/pricing/shipping-rules";
import type { AmazonPayButtonProps } from "./button-props";

/**
 * `presentmentCurrency`: the currency the buyer chose to pay in when it is not the ledger
 * currency (EU/UK multi-currency; ignored elsewhere); only the cart page, rendered per buyer,
 * passes one.
 */
export function checkoutButtonProps(presentmentCurrency?: Currency): AmazonPayButtonProps {
  const { client, settings } = amazonPay();
  const shopUrl = env().SHOP_URL;
  const market = currentMarket();
  const createCheckoutSessionConfig = client.checkoutButtonConfig({
    storeId: settings.storeId,
    webCheckoutDetails: {
      checkoutReviewReturnUrl: `${shopUrl}/checkout/review`,
      checkoutCancelUrl: `${shopUrl}/cart?checkout=session-canceled`,
    },
    scopes: ["name", "email", "phoneNumber", "billingAddress"],
    ...(presentmentCurrency &&
    presentmentCurrency !== market.ledgerCurrency &&
    isPresentmentCurrencyOf(market.region, presentmentCurrency)
      ? { paymentDetails: { presentmentCurrency } }
      : {}),
    deliverySpecifications: deliverySpecifications(market),
  });
  return {
    checkoutJsUrl: settings.checkoutJsUrl,
    merchantId: settings.merchantId,
    ledgerCurrency: settings.ledgerCurrency,
    checkoutLanguage: market.checkoutLanguage,
    productType: "PayAndShip",
    sandbox: settings.mode !== "live",
    createCheckoutSessionConfig,
  };
}
