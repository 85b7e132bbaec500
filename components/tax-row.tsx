import type { TaxMode } from "@/lib/market/facts";
import type { Money } from "@/lib/money";
import { Price } from "./price";

interface TaxRowProps {
  taxMode: TaxMode;
  tax: Money;
  /** Shown for tax included in prices, e.g. "incl. VAT (19 %)". */
  rateBasisPoints?: number;
  /** False while sales tax is the home state's estimate. */
  final?: boolean;
  testId?: string;
}

const INCLUDED_TAX_NAMES: Record<Exclude<TaxMode, "sales-tax">, string> = {
  vat: "VAT",
  "consumption-tax": "consumption tax",
};

const percent = (basisPoints: number) => `${basisPoints / 100} %`;

/**
 * The tax line of a summary: US sales tax is a line of its own, added to the total; VAT and
 * consumption tax are the part of the total that is tax, shown after it as "incl. VAT".
 */
export function TaxRow({ taxMode, tax, rateBasisPoints, final = true, testId }: TaxRowProps) {
  const label =
    taxMode === "sales-tax"
      ? final
        ? "Tax"
        : "Estimated tax"
      : `incl. ${INCLUDED_TAX_NAMES[taxMode]}${rateBasisPoints === undefined ? "" : ` (${percent(rateBasisPoints)})`}`;
  return (
    <>
      <dt className={taxMode === "sales-tax" ? undefined : "summary__included-tax"}>{label}</dt>
      <dd className={taxMode === "sales-tax" ? undefined : "summary__included-tax"} data-testid={testId}>
        <Price value={tax} />
      </dd>
    </>
  );
}
