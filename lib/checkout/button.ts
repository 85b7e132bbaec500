import "server-only";
// The Amazon Pay button's createCheckoutSessionConfig, built and signed on
// the server: where Amazon returns the buyer, which buyer data the shop needs, and where the
// shop ships (deliverySpecifications, the market's delivery countries). No amount is in it: amounts are set at "Place order".
import { env } from "@/lib/env";
import { amazonPay } from "@/lib/amazon-pay/connection";
import { currentMarket } from "@/lib/market/server";
import { deliverySpecifications } from "@/lib/pricing/shipping-rules";
import type { AmazonPayButtonProps } from "./button-props";

export function checkoutButtonProps(): AmazonPayButtonProps {
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
