import { MISMATCH_LABELS } from "@/lib/settlement/mismatch-labels";
import type { Mismatch } from "@/lib/settlement/result";
import { MoneyCell } from "./money-cell";

/** What does not match, with both amounts and what to do. */
export function SettlementMismatches({ mismatches }: { mismatches: readonly Mismatch[] }) {
  return (
    <section className="panel" aria-labelledby="mismatches-title">
      <h2 id="mismatches-title">Mismatches ({mismatches.length})</h2>
      {mismatches.length === 0 ? (
        <p className="notice notice--ok" data-testid="settlement-all-matched">
          Every line of the report matches an order, and the totals add up.
        </p>
      ) : (
        <table className="data-table" data-testid="settlement-mismatches">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Line</th>
              <th scope="col">Amazon id</th>
              <th scope="col">Order</th>
              <th scope="col" className="num">
                Shop
              </th>
              <th scope="col" className="num">
                Report
              </th>
              <th scope="col">Details and what to do</th>
            </tr>
          </thead>
          <tbody>
            {mismatches.map((m, index) => (
              <tr key={`${m.kind}-${m.lineNumber ?? "none"}-${m.transactionId ?? index}-${index}`}>
                <td>
                  <span className="badge badge--error">{MISMATCH_LABELS[m.kind].label}</span>
                </td>
                <td>{m.lineNumber ?? "—"}</td>
                <td>
                  <code>{m.transactionId ?? "—"}</code>
                </td>
                <td>
                  {m.orderNumber ? (
                    <a href={`/admin/orders/${encodeURIComponent(m.orderNumber)}`}>{m.orderNumber}</a>
                  ) : (
                    "—"
                  )}
                </td>
                <MoneyCell value={m.expected} />
                <MoneyCell value={m.reported} />
                <td>
                  {m.detail} <span className="summary__note">{MISMATCH_LABELS[m.kind].action}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
