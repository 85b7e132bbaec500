// The dashboard's after-sale parts: a button that opens a chargeback against a captured charge,
// the disputes with buttons that decide them, and the reports and their schedules.
import { toDecimalString, type Money } from "@storefront/amazon-pay/money";
import { amzTimestamp } from "../core/clock";
import type { ChargeRecord } from "../model/records";
import type { Emulator } from "../emulator";
import { esc } from "./html";

const money = (m: Money) => `${toDecimalString(m)} ${m.currency}`;
const code = (v: string | null) => (v ? `<code>${esc(v)}</code>` : "—");

function postButton(action: string, label: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join("");
  return `<form method="post" action="${esc(action)}" style="display:inline">${inputs}<button type="submit">${esc(label)}</button></form>`;
}

/** The charges table's last cell: a chargeback can be opened against a captured charge. */
export function disputeCell(sb: Emulator, charge: ChargeRecord): string {
  if (charge.status.state !== "Captured") return "—";
  const open = [...sb.store.disputes.values()].some(
    (d) =>
      d.chargeId === charge.chargeId &&
      (d.status.state === "ActionRequired" || d.status.state === "UnderReview"),
  );
  if (open) return "open";
  return postButton("/__emulator/disputes", "Open a chargeback", { chargeId: charge.chargeId });
}

export function disputesSection(sb: Emulator): string {
  const disputes = [...sb.store.disputes.values()].reverse();
  if (disputes.length === 0)
    return `<h2 id="disputes">Disputes</h2><p class="muted">No dispute yet. Open a chargeback from a captured charge above.</p>`;
  const rows = disputes.map((d) => {
    const decidable = d.status.state === "ActionRequired" || d.status.state === "UnderReview";
    const action = `/__emulator/disputes/${encodeURIComponent(d.disputeId)}/settle`;
    const buttons = decidable
      ? [
          postButton(action, "Merchant wins", { outcome: "won" }),
          postButton(action, "Buyer wins", { outcome: "lost" }),
          ...(d.status.state === "UnderReview"
            ? [postButton(action, "Ask for more evidence", { outcome: "moreEvidence" })]
            : []),
        ].join(" ")
      : "—";
    const status = [d.status.state, d.status.reasonCode, d.status.resolution].filter(Boolean).join(", ");
    return `<tr><td>${code(d.disputeId)}</td><td>${code(d.chargeId)}</td><td>${esc(status)}</td><td>${esc(money(d.disputeAmount))}</td><td>${esc(d.evidences.length)}</td><td>${esc(amzTimestamp(d.responseDeadline))}</td><td>${buttons}</td></tr>`;
  });
  return `<h2 id="disputes">Disputes</h2>
<table><caption class="muted">${disputes.length} ${disputes.length === 1 ? "entry" : "entries"}</caption>
<thead><tr>${["Id", "Charge", "State", "Amount", "Evidences", "Respond by", "Decide"].map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`;
}

export function reportsSection(sb: Emulator): string {
  const reports = [...sb.store.reports.values()].reverse();
  const schedules = [...sb.store.reportSchedules.values()];
  const reportRows = reports.map(
    (r) =>
      `<tr><td>${code(r.reportId)}</td><td>${code(r.reportType)}</td><td>${esc(r.processingStatus)}</td><td>${esc(`${amzTimestamp(r.startTime)} – ${amzTimestamp(r.endTime)}`)}</td><td>${code(r.reportDocumentId)}</td></tr>`,
  );
  const scheduleText = schedules.length
    ? `<p>Schedules: ${schedules.map((s) => `${code(s.reportType)} every ${esc(s.scheduleFrequency)}, next ${esc(amzTimestamp(s.nextReportCreationTime))}`).join("; ")}</p>`
    : "";
  if (reports.length === 0) return `<h2>Reports</h2><p class="muted">No report yet.</p>${scheduleText}`;
  return `<h2>Reports</h2>
<table><caption class="muted">${reports.length} ${reports.length === 1 ? "entry" : "entries"}</caption>
<thead><tr>${["Id", "Type", "Status", "Period", "Document"].map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${reportRows.join("\n")}</tbody></table>${scheduleText}`;
}
