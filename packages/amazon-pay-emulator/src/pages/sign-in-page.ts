// The hosted sign-in page of the SignIn button: pick a test buyer of the merchant's region,
// Continue ⇒ signInReturnUrl?buyerToken=…
import type { TestBuyer } from "../core/test-buyers";
import type { SignInRecord } from "../model/records";
import { esc, layout } from "./html";
import { ENGLISH, type PageText } from "./page-text";

export function signInPage(
  signIn: SignInRecord,
  selectedBuyerId: string | null,
  problem: string | null,
  buyers: readonly TestBuyer[],
  text: PageText = ENGLISH,
): string {
  const selected = buyers.find((b) => b.buyerId === selectedBuyerId)?.buyerId ?? buyers[0]?.buyerId;
  const rows = buyers.map((b, i) => {
    const id = `signin-buyer-${i}`;
    return `<div class="option"><input type="radio" name="buyerId" id="${id}" value="${esc(b.buyerId)}"${b.buyerId === selected ? " checked" : ""}>
<label for="${id}">${esc(b.name)}<span class="detail">${esc(b.email)}</span></label></div>`;
  });
  return layout(
    text.signInTitle,
    `<h1>${esc(text.signInHeading)}</h1>
<p class="muted">${esc(text.merchantAsksFor)} ${esc(signIn.scopes.join(", "))}.</p>
${problem ? `<div class="alert" role="alert">${esc(problem)}</div>` : ""}
<form method="post" action="/signin">
<input type="hidden" name="signInId" value="${esc(signIn.signInId)}">
<fieldset><legend>${esc(text.testBuyer)}</legend>${rows.join("\n")}</fieldset>
<div class="actions">
<button type="submit">${esc(text.continueButton)}</button>
<a href="/signin/cancel?signInId=${encodeURIComponent(signIn.signInId)}">${esc(text.cancelLink)}</a>
</div>
</form>`,
    { lang: text.htmlLang, banner: text.banner },
  );
}
