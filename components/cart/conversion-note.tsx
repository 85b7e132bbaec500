import type { PresentedCart } from "@/lib/cart/presentment";
import { Price } from "@/components/price";

/** Says that the shop's prices were converted, from what and at which rate; nothing otherwise. */
export function ConversionNote({ ledger }: Pick<PresentedCart, "ledger">) {
  const { rate, quote } = ledger;
  if (rate.from === rate.to) return null;
  return (
    <p className="summary__note" data-testid="conversion-note">
      Charged in {rate.to}. The shop&apos;s prices are in {rate.from} (<Price value={quote.total} /> in all),
      converted at 1 {rate.from} = {rate.text} {rate.to}.
    </p>
  );
}
