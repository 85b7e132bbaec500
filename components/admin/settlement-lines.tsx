import type { SettlementLine } from "@/lib/settlement/result";
import { MoneyCell } from "./money-cell";

/** Every line of the report and the order it was matched to. */
export function SettlementLines({ lines }: { lines: readonly SettlementLine[] }) {
  return (
    <section className="panel" aria-labelledby="lines-title">
      <h2 id="lines-title">Report lines ({lines.length})</h2>
      {lines.length === 0 ? (
        <p className="empty-state">The report has no lines.</p>
      ) : (
        <table className="data-table" data-testid="settlement-lines">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Posted</th>
              <th scope="col">Type</th>
              <th scope="col">Amazon id</th>
              <th scope="col">Order</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Fee
              </th>
              <th scope="col" className="num">
                Net
              </th>
              <th scope="col">Matched</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.lineNumber}>
                <td>{line.lineNumber}</td>
                <td>{line.postedAt}</td>
                <td>{line.transactionType}</td>
                <td>
                  <code>{line.transactionId ?? "—"}</code>
                </td>
                <td>
                  {line.orderNumber ? (
                    <a href={`/admin/orders/${encodeURIComponent(line.orderNumber)}`}>{line.orderNumber}</a>
                  ) : (
                    "—"
                  )}
                </td>
                <MoneyCell value={line.amount} />
                <MoneyCell value={line.fee} />
                <MoneyCell value={line.net} />
                <td>
                  <span className={`badge ${line.matched ? "badge--ok" : "badge--error"}`}>
                    {line.matched ? "Matched" : "No"}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
