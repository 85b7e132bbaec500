import type { AdminOrderDetail } from "@/lib/merchant/admin-view";
import { formatTimestamp } from "./timestamp";

/** The order's payment event log: Amazon calls, IPNs, transitions and merchant actions. */
export function PaymentHistory({ events }: { events: AdminOrderDetail["events"] }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Payment history</h2>
      <ol className="stack" style={{ paddingLeft: 18 }} data-testid="admin-events">
        {events.map((e) => (
          <li key={e.id}>
            <span className="summary__note">
              {formatTimestamp(e.at)} · {e.kind} · {e.source}
            </span>
            <br />
            {e.summary}
            {e.detail && (
              <details>
                <summary>Details</summary>
                <pre style={{ whiteSpace: "pre-wrap", fontSize: "0.8rem" }}>{e.detail}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
