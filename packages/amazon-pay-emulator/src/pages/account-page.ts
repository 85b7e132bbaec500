// The buyer's "your account" page for a Charge Permission (payments.amazon.com/jr/your-account/ba/{id},
// where merchants send buyers after a HardDeclined charge): choosing another payment method makes
// a NonChargeable permission Chargeable again.
import { findInstrument, paymentDescriptor } from "../core/test-buyers";
import type { ChargePermissionRecord } from "../model/records";
import { paymentFieldset } from "./checkout-page";
import { esc, layout } from "./html";

export function accountPage(cp: ChargePermissionRecord, message: string | null): string {
  const instrument = findInstrument(cp.instrumentId);
  const reasons = cp.status.reasons.length ? ` (${cp.status.reasons.join(", ")})` : "";
  return layout(
    "Your payment method",
    `<h1>Update your payment method</h1>
<p>Charge Permission <code>${esc(cp.chargePermissionId)}</code> is <strong>${esc(cp.status.state)}${esc(reasons)}</strong>; it currently uses ${esc(instrument ? paymentDescriptor(instrument) : "no payment method")}.</p>
${message ? `<p role="status" class="summary">${esc(message)}</p>` : ""}
${
  cp.status.state === "Closed"
    ? "<p>This Charge Permission is closed; its payment method can no longer change.</p>"
    : `<form method="post">
${paymentFieldset(cp.instrumentId, false)}
<div class="actions"><button type="submit">Continue</button></div>
</form>`
}`,
  );
}
