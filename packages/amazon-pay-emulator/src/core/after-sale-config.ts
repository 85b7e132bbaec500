// Switches of what follows the sale: the fees Amazon keeps (settlement documents and
// chargebacks only), reports and their documents, disputes and evidence files. Part of
// EmulatorConfig (config.ts); the README lists them.
import { z } from "zod";
import type { LedgerCurrency } from "@storefront/amazon-pay/regions";

/** Fees are charged in the merchant's ledger currency. */
export type PerCurrency = Record<LedgerCurrency, number>;

export interface FeeConfig {
  /** Share of each capture Amazon keeps, in basis points (290 = 2.90 %). [approximate] */
  captureBasisPoints: number;
  /** Fixed fee per capture, in minor units. [approximate] */
  captureFixed: PerCurrency;
  /** A refund gives back the percentage fee of the refunded amount; the fixed fee is kept. [UNKNOWN] */
  refundReturnsPercentageFee: boolean;
  /** Fee per chargeback, in minor units; kept even when the merchant wins. [approximate] */
  chargeback: PerCurrency;
}

export interface AfterSaleConfig {
  fees: FeeConfig;
  /** Time from Create Report (or a schedule's creation time) to a finished report. [UNKNOWN] */
  reportProcessingMs: number;
  /** Lifetime of a report document's download URL (docs: 30 seconds). */
  reportDocumentUrlSeconds: number;
  /**
   * Report types other than the Sandbox Settlement Report have no data in a sandbox (docs): they
   * are accepted and end CANCELLED, or Create Report answers 400 InvalidParameterValue. [UNKNOWN]
   */
  reportTypesWithoutData: "cancelled" | "refused";
  /** A settlement report with no transaction ends CANCELLED (docs: no data to return) or COMPLETED. */
  emptySettlementReport: "CANCELLED" | "COMPLETED";
  /** Days a merchant has to contest a chargeback (docs: 11). */
  chargebackResponseDays: number;
  /** Lifetime of an evidence file's upload URL. [UNKNOWN] */
  fileUploadUrlSeconds: number;
}

export const AFTER_SALE_DEFAULTS: AfterSaleConfig = {
  fees: {
    captureBasisPoints: 290,
    captureFixed: { USD: 30, EUR: 35, GBP: 20, JPY: 0 },
    refundReturnsPercentageFee: true,
    chargeback: { USD: 2_000, EUR: 2_000, GBP: 2_000, JPY: 2_000 },
  },
  reportProcessingMs: 5_000,
  reportDocumentUrlSeconds: 30,
  reportTypesWithoutData: "cancelled",
  emptySettlementReport: "CANCELLED",
  chargebackResponseDays: 11,
  fileUploadUrlSeconds: 900,
};

const minorUnits = z.number().int().nonnegative();
const perCurrencyPatch = z
  .strictObject({ USD: minorUnits, EUR: minorUnits, GBP: minorUnits, JPY: minorUnits })
  .partial();

/** The members of configPatchSchema that belong here. */
export const afterSalePatchShape = {
  fees: z
    .strictObject({
      captureBasisPoints: z.number().int().min(0).max(10_000),
      captureFixed: perCurrencyPatch,
      refundReturnsPercentageFee: z.boolean(),
      chargeback: perCurrencyPatch,
    })
    .partial(),
  reportProcessingMs: z.number().int().nonnegative(),
  reportDocumentUrlSeconds: z.number().int().positive(),
  reportTypesWithoutData: z.enum(["cancelled", "refused"]),
  emptySettlementReport: z.enum(["CANCELLED", "COMPLETED"]),
  chargebackResponseDays: z.number().positive(),
  fileUploadUrlSeconds: z.number().int().positive(),
};

type FeesPatch = z.output<typeof afterSalePatchShape.fees>;

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Fees with a partial patch applied, nested amounts merged per currency. */
export function mergeFees(base: FeeConfig, patch: FeesPatch | undefined): FeeConfig {
  if (!patch) return base;
  const { captureFixed, chargeback, ...rest } = patch;
  return {
    ...base,
    ...defined(rest),
    captureFixed: { ...base.captureFixed, ...defined(captureFixed ?? {}) },
    chargeback: { ...base.chargeback, ...defined(chargeback ?? {}) },
  };
}
