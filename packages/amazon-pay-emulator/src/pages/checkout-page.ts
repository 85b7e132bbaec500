// The hosted checkout page: the buyer picks a test buyer, a shipping address (addresses the
// merchant's deliverySpecifications exclude are shown disabled, with the reason) and a payment
// method, then presses Continue. A small inline script shows the chosen buyer's addresses; without
// it, choosing another buyer and pressing Continue shows that buyer's addresses.
import { formatPrice } from "../core/amounts";
import { TEST_BUYERS, TEST_INSTRUMENTS, type TestBuyer } from "../core/test-buyers";
import type { CheckoutSessionRecord } from "../model/records";
import { addressOptions } from "../operations/hosted-checkout";
import { attrs, esc, formatAddress, layout } from "./html";

export interface CheckoutPageInput {
  session: CheckoutSessionRecord;
  /** Buyer preselected (signed-in buyer or the session's). */
  buyerId: string | null;
  addressId: string | null;
  instrumentId: string | null;
  changeAction: "changeAddress" | "changePayment" | null;
  problem: string | null;
}

const slug = (value: string) => value.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();

function buyerFieldset(buyers: readonly TestBuyer[], selected: TestBuyer, locked: boolean): string {
  if (locked) {
    return `<p>Signed in as <strong>${esc(selected.name)}</strong> (${esc(selected.email)}).</p>
<input type="hidden" name="buyerId" value="${esc(selected.buyerId)}">`;
  }
  const options = buyers.map((b) => {
    const id = `buyer-${slug(b.name)}`;
    return `<div class="option"><input type="radio" name="buyerId" id="${id}" value="${esc(b.buyerId)}" data-testid="${id}"${b.buyerId === selected.buyerId ? " checked" : ""}>
<label for="${id}">${esc(b.name)}<span class="detail">${esc(b.email)}</span></label></div>`;
  });
  return `<fieldset id="buyers"><legend>Test buyer</legend>${options.join("\n")}</fieldset>`;
}

function addressFieldsets(
  s: CheckoutSessionRecord,
  buyers: readonly TestBuyer[],
  selected: TestBuyer,
  addressId: string | null,
  autofocus: boolean,
): string {
  if (s.productType !== "PayAndShip") return "";
  if (s.addressDetails) {
    return `<h2>Shipping address</h2><p>Provided by the merchant: ${esc(formatAddress(s.addressDetails))}</p>`;
  }
  return buyers
    .map((buyer) => {
      const active = buyer.buyerId === selected.buyerId;
      const options = addressOptions(s, buyer);
      const firstAllowed = options.find((o) => !o.restriction)?.id;
      const checkedId = active
        ? options.some((o) => o.id === addressId && !o.restriction)
          ? addressId
          : firstAllowed
        : null;
      const rows = options.map((o) => {
        const id = `address-${o.id}`;
        const reasonId = `${id}-reason`;
        return `<div class="option${o.restriction ? " unavailable" : ""}"><input ${attrs(`type="radio" name="addressId" id="${id}" value="${esc(o.id)}" data-testid="${id}"`, o.id === checkedId && "checked", o.restriction !== null && "disabled", o.restriction !== null && `aria-describedby="${reasonId}"`)}>
<label for="${id}">${esc(formatAddress(o.address))}<span class="detail">${esc(o.label)}</span>${o.restriction ? `<span class="reason" id="${reasonId}">Not available: ${esc(o.restriction)}</span>` : ""}</label></div>`;
      });
      return `<fieldset class="addresses" id="addresses-${slug(buyer.name)}" data-buyer="${esc(buyer.buyerId)}"${active ? (autofocus ? " data-autofocus" : "") : " hidden disabled"}>
<legend>Shipping address for ${esc(buyer.name)}</legend>${rows.join("\n")}</fieldset>`;
    })
    .join("\n");
}

export function paymentFieldset(instrumentId: string | null, autofocus: boolean): string {
  const checked = TEST_INSTRUMENTS.some((i) => i.id === instrumentId)
    ? instrumentId
    : TEST_INSTRUMENTS[0]?.id;
  const rows = TEST_INSTRUMENTS.map((i) => {
    const id = `payment-${i.id}`;
    return `<div class="option"><input type="radio" name="paymentMethodId" id="${id}" value="${esc(i.id)}" data-testid="${id}"${i.id === checked ? " checked" : ""}>
<label for="${id}">${esc(i.brand)} ending in ${esc(i.last4)}<span class="detail">Simulates: ${esc(i.simulates)}</span></label></div>`;
  });
  return `<fieldset id="payment-methods"${autofocus ? " data-autofocus" : ""}><legend>Payment method</legend>${rows.join("\n")}</fieldset>`;
}

const SCRIPT = `
document.querySelectorAll('input[name="buyerId"]').forEach(function (radio) {
  radio.addEventListener('change', function () {
    document.querySelectorAll('fieldset.addresses').forEach(function (set) {
      var active = set.getAttribute('data-buyer') === radio.value;
      set.hidden = !active;
      set.disabled = !active;
      if (active && !set.querySelector('input:checked')) {
        var first = set.querySelector('input:not([disabled])');
        if (first) first.checked = true;
      }
    });
  });
});
var focusTarget = document.querySelector('[data-autofocus] input:checked') || document.querySelector('[data-autofocus]');
if (focusTarget) focusTarget.focus();
`;

export function checkoutPage(input: CheckoutPageInput): string {
  const s = input.session;
  const locked = s.choice !== null && input.changeAction !== null;
  const selected = TEST_BUYERS.find((b) => b.buyerId === input.buyerId) ?? TEST_BUYERS[0]!;
  const amount = s.paymentDetails.chargeAmount
    ? `<p class="summary">Amount: <strong>${esc(formatPrice(s.paymentDetails.chargeAmount))}</strong></p>`
    : "";
  const heading =
    input.changeAction === "changeAddress"
      ? "Change your shipping address"
      : input.changeAction === "changePayment"
        ? "Change your payment method"
        : "Choose how to pay";
  // A signed-in buyer changing one detail sees only their own address book.
  const sections = `${buyerFieldset(TEST_BUYERS, selected, locked)}
${addressFieldsets(s, locked ? [selected] : TEST_BUYERS, selected, input.addressId, input.changeAction === "changeAddress")}
${paymentFieldset(input.instrumentId, input.changeAction === "changePayment")}`;
  const body = `<h1>${esc(heading)}</h1>
<p class="muted">Amazon Pay emulator checkout for store <code>${esc(s.storeId)}</code>.</p>
${amount}
${input.problem ? `<div class="alert" role="alert" id="problem">${esc(input.problem)}</div>` : ""}
<form method="post" action="/checkout" data-testid="amazon-pay-checkout-form">
<input type="hidden" name="amazonCheckoutSessionId" value="${esc(s.checkoutSessionId)}">
${input.changeAction ? `<input type="hidden" name="changeAction" value="${esc(input.changeAction)}">` : ""}
${sections}
<div class="actions">
<button type="submit" data-testid="continue">Continue</button>
<a href="/checkout/cancel?amazonCheckoutSessionId=${encodeURIComponent(s.checkoutSessionId)}" data-testid="cancel">Cancel and return to the merchant</a>
</div>
</form>`;
  return layout(heading, body, { script: SCRIPT });
}
