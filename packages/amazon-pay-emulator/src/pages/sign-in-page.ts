// The hosted sign-in page of the SignIn button: pick a test buyer, Continue ⇒ signInReturnUrl?buyerToken=…
import { TEST_BUYERS } from "../core/test-buyers";
import type { SignInRecord } from "../model/records";
import { esc, layout } from "./html";

export function signInPage(
  signIn: SignInRecord,
  selectedBuyerId: string | null,
  problem: string | null,
): string {
  const selected = TEST_BUYERS.find((b) => b.buyerId === selectedBuyerId)?.buyerId ?? TEST_BUYERS[0]?.buyerId;
  const rows = TEST_BUYERS.map((b, i) => {
    const id = `signin-buyer-${i}`;
    return `<div class="option"><input type="radio" name="buyerId" id="${id}" value="${esc(b.buyerId)}"${b.buyerId === selected ? " checked" : ""}>
<label for="${id}">${esc(b.name)}<span class="detail">${esc(b.email)}</span></label></div>`;
  });
  return layout(
    "Sign in",
    `<h1>Sign in with Amazon</h1>
<p class="muted">The merchant asks for: ${esc(signIn.scopes.join(", "))}.</p>
${problem ? `<div class="alert" role="alert">${esc(problem)}</div>` : ""}
<form method="post" action="/signin">
<input type="hidden" name="signInId" value="${esc(signIn.signInId)}">
<fieldset><legend>Test buyer</legend>${rows.join("\n")}</fieldset>
<div class="actions">
<button type="submit">Continue</button>
<a href="/signin/cancel?signInId=${encodeURIComponent(signIn.signInId)}">Cancel and return to the merchant</a>
</div>
</form>`,
  );
}
