// The hosted checkout page: the buyer picks a test buyer, a shipping address (addresses the
// merchant's deliverySpecifications exclude are shown disabled, with the reason) and a payment
// method, then presses Continue. A small inline script shows the chosen buyer's addresses; without
// it, choosing another buyer and pressing Continue shows that buyer's addresses. The buyers are
// those of the merchant's region; the texts follow the checkout language.
import { formatPrice } from "../core/amounts";
import { TEST_INSTRUMENTS, type TestBuyer } from "../core/test-buyers";
import type { CheckoutSessionRecord } from "../model/records";
import { addressOptions } from "../operations/hosted-checkout";
import { attrs, esc, formatAddress, layout } from "./html";
import { ENGLISH, type PageText } from "./page-text";

export interface CheckoutPageInput {
  session: CheckoutSessionRecord;
  /** Buyer preselected (signed-in buyer or the session's). */
  buyerId: string | null;
  addressId: string | null;
  instrumentId: string | null;
  changeAction: "changeAddress" | "changePayment" | null;
  problem: string | null;
  /** The merchant's region's buyers. */
  buyers: readonly TestBuyer[];
  text?: PageText;
}

const slug = (value: string) => value.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
/** Test ids from the name, or for names in other scripts the e-mail's local part (buyer-jp@ ⇒ "jp"). */
const buyerSlug = (b: TestBuyer) =>
  /[A-Za-z]/.test(b.name) ? slug(b.name) : slug(b.email.split("@")[0] ?? b.buyerId).replace(/^buyer-/, "");

function buyerFieldset(
  buyers: readonly TestBuyer[],
  selected: TestBuyer,
  locked: boolean,
  text: PageText,
): string {
  if (locked) {
    return `<p>${esc(text.signedInAs)} <strong>${esc(selected.name)}</strong> (${esc(selected.email)}).</p>
<input type="hidden" name="buyerId" value="${esc(selected.buyerId)}">`;
  }
  const options = buyers.map((b) => {
    const id = `buyer-${buyerSlug(b)}`;
    return `<div class="option"><input type="radio" name="buyerId" id="${id}" value="${esc(b.buyerId)}" data-testid="${id}"${b.buyerId === selected.buyerId ? " checked" : ""}>
<label for="${id}">${esc(b.name)}<span class="detail">${esc(b.email)}</span></label></div>`;
  });
  return `<fieldset id="buyers"><legend>${esc(text.testBuyer)}</legend>${options.join("\n")}</fieldset>`;
}

function addressFieldsets(
  s: CheckoutSessionRecord,
  buyers: readonly TestBuyer[],
  selected: TestBuyer,
  addressId: string | null,
  autofocus: boolean,
  text: PageText,
): string {
  if (s.productType !== "PayAndShip") return "";
  if (s.addressDetails) {
    return `<h2>${esc(text.shippingAddress)}</h2><p>${esc(text.providedByMerchant)} ${esc(formatAddress(s.addressDetails))}</p>`;
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
<label for="${id}">${esc(formatAddress(o.address))}<span class="detail">${esc(o.label)}</span>${o.restriction ? `<span class="reason" id="${reasonId}">${esc(text.notAvailable)} ${esc(o.restriction)}</span>` : ""}</label></div>`;
      });
      return `<fieldset class="addresses" id="addresses-${buyerSlug(buyer)}" data-buyer="${esc(buyer.buyerId)}"${active ? (autofocus ? " data-autofocus" : "") : " hidden disabled"}>
<legend>${esc(text.shippingAddressFor(buyer.name))}</legend>${rows.join("\n")}</fieldset>`;
    })
    .join("\n");
}

export function paymentFieldset(instrumentId: string | null, autofocus: boolean, text = ENGLISH): string {
  const checked = TEST_INSTRUMENTS.some((i) => i.id === instrumentId)
    ? instrumentId
    : TEST_INSTRUMENTS[0]?.id;
  const rows = TEST_INSTRUMENTS.map((i) => {
    const id = `payment-${i.id}`;
    return `<div class="option"><input type="radio" name="paymentMethodId" id="${id}" value="${esc(i.id)}" data-testid="${id}"${i.id === checked ? " checked" : ""}>
<label for="${id}">${esc(text.endingIn(i.brand, i.last4))}<span class="detail">${esc(text.simulates)} ${esc(i.simulates)}</span></label></div>`;
  });
  return `<fieldset id="payment-methods"${autofocus ? " data-autofocus" : ""}><legend>${esc(text.paymentMethod)}</legend>${rows.join("\n")}</fieldset>`;
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
  const text = input.text ?? ENGLISH;
  const buyers = input.buyers;
  const selected = buyers.find((b) => b.buyerId === input.buyerId) ?? buyers[0]!;
  const amount = s.paymentDetails.chargeAmount
    ? `<p class="summary">${esc(text.amount)} <strong>${esc(formatPrice(s.paymentDetails.chargeAmount))}</strong></p>`
    : "";
  const heading =
    input.changeAction === "changeAddress"
      ? text.changeAddress
      : input.changeAction === "changePayment"
        ? text.changePayment
        : text.chooseHowToPay;
  // A signed-in buyer changing one detail sees only their own address book.
  const sections = `${buyerFieldset(buyers, selected, locked, text)}
${addressFieldsets(s, locked ? [selected] : buyers, selected, input.addressId, input.changeAction === "changeAddress", text)}
${paymentFieldset(input.instrumentId, input.changeAction === "changePayment", text)}`;
  const body = `<h1>${esc(heading)}</h1>
<p class="muted">${esc(text.checkoutFor)} <code>${esc(s.storeId)}</code>.</p>
${amount}
${input.problem ? `<div class="alert" role="alert" id="problem">${esc(input.problem)}</div>` : ""}
<form method="post" action="/checkout" data-testid="amazon-pay-checkout-form">
<input type="hidden" name="amazonCheckoutSessionId" value="${esc(s.checkoutSessionId)}">
${input.changeAction ? `<input type="hidden" name="changeAction" value="${esc(input.changeAction)}">` : ""}
${sections}
<div class="actions">
<button type="submit" data-testid="continue">${esc(text.continueButton)}</button>
<a href="/checkout/cancel?amazonCheckoutSessionId=${encodeURIComponent(s.checkoutSessionId)}" data-testid="cancel">${esc(text.cancelLink)}</a>
</div>
</form>`;
  return layout(heading, body, { script: SCRIPT, lang: text.htmlLang, banner: text.banner });
}
