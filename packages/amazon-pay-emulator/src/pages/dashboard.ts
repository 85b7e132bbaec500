// GET /__emulator: what the emulator holds, for people. Server-rendered tables with captions.
import { toDecimalString, type Money } from "@storefront/amazon-pay/money";
import { amzTimestamp } from "../core/clock";
import { findBuyer, findInstrument, paymentDescriptor } from "../core/test-buyers";
import type { Emulator } from "../emulator";
import { disputeCell, disputesSection, reportsSection } from "./dashboard-after-sale";
import { esc, layout } from "./html";

const money = (m: Money | null) => (m ? `${toDecimalString(m)} ${m.currency}` : "—");
const code = (v: string | null | undefined) => (v ? `<code>${esc(v)}</code>` : "—");

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<h2>${esc(caption)}</h2><p class="muted">${esc(empty)}</p>`;
  return `<h2>${esc(caption)}</h2>
<table><caption class="muted">${rows.length} ${rows.length === 1 ? "entry" : "entries"}</caption>
<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;
}

export function dashboardPage(sb: Emulator): string {
  const { store } = sb;
  const merchants = table(
    "Merchants",
    ["Public key id", "Merchant id", "Region", "Store id", "IPN URL"],
    sb.merchants
      .list()
      .map((m) => [
        code(m.publicKeyId),
        code(m.merchantId),
        esc(`${m.region} (${m.ledgerCurrency})`),
        code(m.storeId),
        code(m.ipnUrl),
      ]),
    "No merchant is registered. POST /__emulator/merchants with { publicKeyId, publicKey }.",
  );
  const sessions = table(
    "Checkout Sessions",
    ["Id", "Merchant", "Origin", "State", "Buyer", "Payment", "Amount", "Created"],
    [...store.checkoutSessions.values()].reverse().map((s) => {
      const instrument = s.choice ? findInstrument(s.choice.instrumentId) : undefined;
      return [
        code(s.checkoutSessionId),
        code(s.merchantId),
        esc(s.origin),
        esc(
          `${s.status.state}${s.status.reasonCode ? ` (${s.status.reasonCode})` : ""}${s.status.buyerRedirected && s.status.state === "Open" ? ", buyer processed" : ""}`,
        ),
        esc(s.choice ? (findBuyer(s.choice.buyerId)?.name ?? s.choice.buyerId) : "—"),
        esc(instrument ? paymentDescriptor(instrument) : "—"),
        esc(money(s.paymentDetails.chargeAmount)),
        esc(amzTimestamp(s.createdAt)),
      ];
    }),
    "No Checkout Session yet.",
  );
  const permissions = table(
    "Charge Permissions",
    ["Id", "Type", "State", "Limit", "Captured", "Expires"],
    [...store.chargePermissions.values()]
      .reverse()
      .map((cp) => [
        code(cp.chargePermissionId),
        esc(cp.chargePermissionType),
        esc(`${cp.status.state}${cp.status.reasons.length ? ` (${cp.status.reasons.join(", ")})` : ""}`),
        esc(money(cp.amountLimit)),
        esc(money(cp.capturedTotal)),
        esc(cp.expiresAt === null ? "never" : amzTimestamp(cp.expiresAt)),
      ]),
    "No Charge Permission yet.",
  );
  const charges = table(
    "Charges",
    ["Id", "State", "Amount", "Captured", "Refunded", "Created", "Dispute"],
    [...store.charges.values()]
      .reverse()
      .map((c) => [
        code(c.chargeId),
        esc(`${c.status.state}${c.status.reasonCode ? ` (${c.status.reasonCode})` : ""}`),
        esc(money(c.chargeAmount)),
        esc(money(c.captureAmount)),
        esc(money(c.refundedAmount)),
        esc(amzTimestamp(c.createdAt)),
        disputeCell(sb, c),
      ]),
    "No Charge yet.",
  );
  const refunds = table(
    "Refunds",
    ["Id", "Charge", "State", "Amount", "Created"],
    [...store.refunds.values()]
      .reverse()
      .map((r) => [
        code(r.refundId),
        code(r.chargeId),
        esc(`${r.status.state}${r.status.reasonCode ? ` (${r.status.reasonCode})` : ""}`),
        esc(money(r.refundAmount)),
        esc(amzTimestamp(r.createdAt)),
      ]),
    "No Refund yet.",
  );
  const ipns = table(
    "IPNs sent",
    ["Id", "Type", "Object", "State", "Delivery", "Attempts", "Sent"],
    [...sb.ipn.list()]
      .reverse()
      .map((n) => [
        code(n.id),
        esc(n.type === "Notification" ? (n.message?.ObjectType ?? "") : "SubscriptionConfirmation"),
        code(n.message?.ObjectId ?? n.ipnUrl),
        esc(n.objectState ?? "—"),
        esc(n.status),
        esc(String(n.attempts.length)),
        esc(n.createdAt),
      ]),
    "No IPN yet.",
  );
  const body = `<h1>Amazon Pay emulator</h1>
<p>Emulator clock: <strong>${esc(new Date(sb.now()).toISOString())}</strong>${sb.clock.offset ? ` (moved ${esc(Math.round(sb.clock.offset / 1000))} s ahead)` : ""}. Pending authorizations and refunds settle after ${esc(sb.config.asyncDelayMs / 1000)} s.</p>
<p><a href="/__emulator">Refresh</a> · <a href="/__emulator/state">State as JSON</a> · <a href="/__emulator/config">Configuration</a> · <a href="/checkout.js">checkout.js</a></p>
${merchants}${sessions}${permissions}${charges}${refunds}${disputesSection(sb)}${reportsSection(sb)}${ipns}`;
  return layout("Dashboard", body, { wide: true });
}
