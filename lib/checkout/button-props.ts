// What the Amazon Pay buttons receive from the server: plain data and a configuration signed on
// the server (no secret in it), so client components can import these types.
import type { ButtonConfig } from "@storefront/amazon-pay/client";

/** The Amazon Pay button of the cart and the product page (express checkout). */
export interface AmazonPayButtonProps {
  checkoutJsUrl: string;
  merchantId: string;
  ledgerCurrency: string;
  /** The language of Amazon's button and pages in the shop's market (en_US, en_GB, de_DE, ja_JP). */
  checkoutLanguage: string;
  /** PayAndShip: the redirect checkout always asks for a shipping address. */
  productType: "PayAndShip" | "PayOnly";
  sandbox: boolean;
  createCheckoutSessionConfig: ButtonConfig;
}

/** The product page's Buy Now button. */
export interface BuyNowButtonProps {
  checkoutJsUrl: string;
  merchantId: string;
  ledgerCurrency: string;
  checkoutLanguage: string;
  sandbox: boolean;
  checkoutSessionConfig: ButtonConfig;
}
