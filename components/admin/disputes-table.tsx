import type { AdminDispute } from "@/lib/merchant/dispute-view";
import { Price } from "@/components/price";
import { DaysLeft } from "./days-left";
import { StatusBadge } from "./status-badge";
import { formatTimestamp } from "./timestamp";

/** Disputes that need the merchant, most urgent first, each linked to its order. */
export function DisputesTable({ disputes }: { disputes: AdminDispute[] }) {
  if (disputes.length === 0)
    return (
      <p className="notice notice--ok" data-testid="no-open-disputes">
        No open disputes.
      </p>
    );
  return (
    <table className="data-table" data-testid="open-disputes">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Dispute</th>
          <th scope="col">Reason</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Answer by</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {disputes.map((dispute) => (
          <tr key={dispute.id} data-testid="open-dispute" data-dispute-id={dispute.id}>
            <td>
              {dispute.orderNumber ? (
                <a href={`/admin/orders/${dispute.orderNumber}`}>{dispute.orderNumber}</a>
              ) : (
                <span className="badge badge--error" title={`Charge ${dispute.chargeId ?? "unknown"}`}>
                  No matching order
                </span>
              )}
            </td>
            <td>
              {dispute.type}
              <br />
              <code>{dispute.id}</code>
            </td>
            <td>{dispute.reasonText}</td>
            <td className="num">
              <Price value={dispute.amount} />
            </td>
            <td>
              {dispute.deadline && dispute.state === "ActionRequired" ? (
                <>
                  {formatTimestamp(dispute.deadline)} UTC <DaysLeft dispute={dispute} />
                </>
              ) : (
                "—"
              )}
            </td>
            <td>
              <StatusBadge status={dispute.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
