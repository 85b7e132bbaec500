import type { CurrencyTotals } from "@/lib/settlement/result";
import { Price } from "@/components/price";

const ROWS = [
  ["captures", "Captures"],
  ["refunds", "Refunds"],
  ["chargebacks", "Chargebacks"],
  ["other", "Other movements"],
  ["fees", "Amazon Pay fees"],
  ["net", "Net (sum of the above)"],
  ["reportedNet", "Net according to the report"],
] as const;

/** The report's money per currency: what was settled, what Amazon kept, what it pays out. */
export function SettlementTotals({ totals }: { totals: readonly CurrencyTotals[] }) {
  return (
    <section className="panel" aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      {totals.length === 0 ? (
        <p className="empty-state">The report holds no readable money movement.</p>
      ) : (
        <table className="data-table" data-testid="settlement-totals">
          <thead>
            <tr>
              <th scope="col">Per currency</th>
              {totals.map((t) => (
                <th key={t.currency} scope="col" className="num">
                  {t.currency}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                {totals.map((t) => (
                  <td key={t.currency} className="num">
                    <Price value={t[key]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
