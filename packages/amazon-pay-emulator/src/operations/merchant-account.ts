// The Amazon Pay account behind a merchant id: its region and ledger currency, the test buyers who
// can sign in there, and the language of its hosted pages.
import {
  checkoutLanguageFor,
  type CheckoutLanguage,
  type LedgerCurrency,
  type Region,
} from "@storefront/amazon-pay/regions";
import { buyersOf, type TestBuyer } from "../core/test-buyers";
import type { Emulator } from "../emulator";

export interface MerchantAccount {
  region: Region;
  ledgerCurrency: LedgerCurrency;
}

export function merchantAccount(sb: Emulator, merchantId: string): MerchantAccount {
  const merchant = sb.merchants.byMerchantId(merchantId);
  return merchant
    ? { region: merchant.region, ledgerCurrency: merchant.ledgerCurrency }
    : { region: "na", ledgerCurrency: "USD" };
}

export const buyersOfMerchant = (sb: Emulator, merchantId: string): readonly TestBuyer[] =>
  buyersOf(merchantAccount(sb, merchantId).region);

/** The button's checkoutLanguage when the merchant's region offers it, else the ledger currency's default. */
export const pageLanguage = (sb: Emulator, merchantId: string, requested: string | null): CheckoutLanguage =>
  checkoutLanguageFor(merchantAccount(sb, merchantId).ledgerCurrency, requested);
