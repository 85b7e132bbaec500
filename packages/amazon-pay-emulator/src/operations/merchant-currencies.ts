// What a merchant account may charge in: its ledger currency, and in EU/UK the presentment
// currencies of multi-currency. Amounts in a presentment currency are held to the ledger
// currency's per-transaction maximum after conversion.
import { toDecimalString, type Money } from "@storefront/amazon-pay/money";
import {
  exceedsTransactionMaximum,
  isPresentmentCurrencyOf,
  MAX_TRANSACTION_MINOR,
} from "@storefront/amazon-pay/regions";
import { currencyMismatch, invalidParameter } from "../core/api-error";
import type { EmulatorConfig } from "../core/config";
import { conversionBetween, convert, type Conversion } from "../core/currency-conversion";
import type { MerchantRecord } from "../core/merchants";
import type { PaymentDetails } from "../model/records";
import type { Emulator } from "../emulator";

type Account = Pick<MerchantRecord, "region" | "ledgerCurrency">;

export const isChargeableCurrency = (merchant: Account, currency: string): boolean =>
  currency === merchant.ledgerCurrency || isPresentmentCurrencyOf(merchant.region, currency);

/** Refuses an amount the merchant account cannot charge: wrong currency or over the maximum. */
export function checkMerchantAmount(
  merchant: Account,
  config: Pick<EmulatorConfig, "exchangeRates">,
  field: string,
  value: Money,
): void {
  if (!isChargeableCurrency(merchant, value.currency)) {
    const offer =
      merchant.region === "eu"
        ? `${merchant.ledgerCurrency} or a multi-currency presentment currency`
        : merchant.ledgerCurrency;
    throw currencyMismatch(
      `${field} is in ${value.currency} but the merchant account (region ${merchant.region}, ledger currency ${merchant.ledgerCurrency}) can only charge in ${offer}.`,
    );
  }
  if (value.currency === merchant.ledgerCurrency) return;
  const converted = convert(
    value,
    conversionBetween(value.currency, merchant.ledgerCurrency, config.exchangeRates),
  );
  if (exceedsTransactionMaximum(converted)) {
    const max = { amount: MAX_TRANSACTION_MINOR[merchant.ledgerCurrency], currency: merchant.ledgerCurrency };
    throw invalidParameter(
      `${field}.amount`,
      `${toDecimalString(value)} ${value.currency} is ${toDecimalString(converted)} ${converted.currency}, above the maximum of ${toDecimalString(max)} ${max.currency} per transaction`,
    );
  }
}

/** The currency rules of a merchant on merged paymentDetails. */
export function checkMerchantPaymentDetails(
  merchant: Account,
  config: Pick<EmulatorConfig, "exchangeRates">,
  p: Pick<PaymentDetails, "presentmentCurrency" | "chargeAmount" | "totalOrderAmount">,
): void {
  if (p.chargeAmount) checkMerchantAmount(merchant, config, "paymentDetails.chargeAmount", p.chargeAmount);
  if (p.totalOrderAmount)
    checkMerchantAmount(merchant, config, "paymentDetails.totalOrderAmount", p.totalOrderAmount);
  const presentment = p.presentmentCurrency;
  if (
    presentment &&
    presentment !== merchant.ledgerCurrency &&
    !isPresentmentCurrencyOf(merchant.region, presentment)
  ) {
    throw invalidParameter(
      "paymentDetails.presentmentCurrency",
      merchant.region === "eu"
        ? `${presentment} is not a multi-currency presentment currency`
        : `multi-currency is only available to EU/UK merchants; a ${merchant.region} merchant presents in ${merchant.ledgerCurrency}`,
    );
  }
}

/** The conversion of a charge in `currency` into the merchant's ledger currency, or null. */
export function ledgerConversion(
  sb: Emulator,
  merchantId: string,
  currency: Money["currency"],
): Conversion | null {
  const merchant = sb.merchants.byMerchantId(merchantId);
  if (!merchant || merchant.ledgerCurrency === currency) return null;
  return conversionBetween(currency, merchant.ledgerCurrency, sb.config.exchangeRates);
}
