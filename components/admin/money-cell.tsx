import type { Money } from "@/lib/money";
import { Price } from "@/components/price";

/** An amount in a table: formatted, with its exact minor units and currency underneath. */
export function MoneyCell({ value }: { value: Money | null }) {
  if (!value) return <td className="num">—</td>;
  return (
    <td className="num">
      <Price value={value} />
      <br />
      <span className="summary__note">
        {value.amount} {value.currency}
      </span>
    </td>
  );
}
