import { contestDisputeAction } from "@/lib/merchant/action";
import type { AdminDispute, OrderDisputeMoney } from "@/lib/merchant/dispute-view";
import {
  EVIDENCE_ACCEPT,
  FILE_EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  MAX_STATEMENT_CHARS,
  MIN_STATEMENT_CHARS,
} from "@/lib/merchant/evidence-limits";
import { Price } from "@/components/price";
import { ActionForm } from "./action-form";
import { DaysLeft } from "./days-left";
import { StatusBadge } from "./status-badge";
import { formatTimestamp } from "./timestamp";

interface OrderDisputesProps {
  orderNumber: string;
  disputes: AdminDispute[];
  money: OrderDisputeMoney;
  actionKey: () => string;
}

/** The order's disputes: amount, reason, deadline, outcome, and the contest form while it is open. */
export function OrderDisputes({ orderNumber, disputes, money, actionKey }: OrderDisputesProps) {
  if (disputes.length === 0) return null;
  return (
    <section className="panel stack" aria-labelledby="disputes-title" data-testid="order-disputes">
      <h2 id="disputes-title">Disputes</h2>
      <dl className="summary__amounts">
        <dt>Held by open disputes</dt>
        <dd data-testid="admin-disputed">
          <Price value={money.disputed} />
        </dd>
        <dt>Charged back (lost)</dt>
        <dd data-testid="admin-charged-back">
          <Price value={money.chargedBack} />
        </dd>
      </dl>
      {disputes.map((dispute) => (
        <article key={dispute.id} className="stack" data-testid="order-dispute" data-dispute-id={dispute.id}>
          <h3>
            {dispute.type} of <Price value={dispute.amount} /> <StatusBadge status={dispute.state} />
          </h3>
          <p data-testid="dispute-reason">{dispute.reasonText}</p>
          {dispute.statusText && <p className="summary__note">{dispute.statusText}</p>}
          <p className="summary__note">
            Filed {formatTimestamp(dispute.filedAt)} · <code>{dispute.id}</code>
          </p>
          {dispute.deadline && dispute.state === "ActionRequired" && (
            <p data-testid="dispute-deadline">
              Answer by {formatTimestamp(dispute.deadline)} UTC (<DaysLeft dispute={dispute} />)
            </p>
          )}
          {dispute.outcomeText && (
            <p
              className={`notice ${dispute.resolution === "BuyerWon" ? "notice--error" : "notice--ok"}`}
              data-testid="dispute-outcome"
            >
              {dispute.outcomeText}
            </p>
          )}
          {dispute.contestedAt && (
            <p className="summary__note" data-testid="dispute-contested">
              Contested {formatTimestamp(dispute.contestedAt)} with your statement and{" "}
              {dispute.evidenceFileCount === 1 ? "1 file" : `${dispute.evidenceFileCount} files`}.
            </p>
          )}
          {dispute.windowClosed && (
            <p className="notice notice--error" data-testid="dispute-window-closed">
              The window to answer has closed; Amazon Pay no longer accepts evidence for this dispute.
            </p>
          )}
          {dispute.contestable && (
            <ActionForm
              action={contestDisputeAction}
              orderNumber={orderNumber}
              actionKey={actionKey()}
              submitLabel="Contest dispute"
              pendingLabel="Sending evidence…"
              testId="contest-form"
            >
              <input type="hidden" name="disputeId" value={dispute.id} />
              <div className="field">
                <label htmlFor={`statement-${dispute.id}`}>
                  Your statement: why the charge is valid ({MIN_STATEMENT_CHARS} to {MAX_STATEMENT_CHARS}{" "}
                  characters)
                </label>
                <textarea
                  id={`statement-${dispute.id}`}
                  name="statement"
                  rows={5}
                  required
                  minLength={MIN_STATEMENT_CHARS}
                  maxLength={MAX_STATEMENT_CHARS}
                />
              </div>
              <div className="field">
                <label htmlFor={`evidence-${dispute.id}`}>
                  Evidence files (up to {MAX_EVIDENCE_FILES}, {Math.floor(MAX_EVIDENCE_BYTES / 1024)} KB
                  together; PDF, JPG, PNG, CSV, Word, Excel or ODS)
                </label>
                <input
                  id={`evidence-${dispute.id}`}
                  name="files"
                  type="file"
                  multiple
                  accept={EVIDENCE_ACCEPT}
                />
              </div>
              <div className="field">
                <label htmlFor={`evidence-type-${dispute.id}`}>The files show</label>
                <select id={`evidence-type-${dispute.id}`} name="evidenceType" defaultValue="Receipt">
                  {Object.entries(FILE_EVIDENCE_TYPES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            </ActionForm>
          )}
        </article>
      ))}
    </section>
  );
}
