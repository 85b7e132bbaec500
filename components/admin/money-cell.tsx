import { formatMoney, type Money } from "@/lib/money";

/** An amount in a table: formatted, with its exact minor units and currency underneath. */
export function MoneyCell({ value }: { value: Money | null }) {
  if (!value) return <td className="num">—</td>;
  return (
    <td className="num">
      {formatMoney(value)}
      <br />
      <span className="summary__note">
        {value.amount} {value.currency}
      </span>
    </td>
  );
}
