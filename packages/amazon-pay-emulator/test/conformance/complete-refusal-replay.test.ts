// Whether Amazon keeps a refused Complete under its idempotency key is unknown, so the emulator
// plays both (idempotencySavesClientErrors): a Complete refused because the buyer has not been
// through amazonPayRedirectUrl yet is either replayed for that key, or processed again. A fresh
// key completes the session either way once the buyer has been through.
import { describe, expect, it } from "vitest";
import { visit, RESULT_URL, REVIEW_URL, chooseOnHostedPage, postForm, sessionIdFrom } from "../helpers";
import { amazonPay, emulator, expectApiError, merchant, setUpConformance, USD } from "./harness";

setUpConformance();

/** The buyer chose on Amazon's page and the merchant set the amount; the buyer has not been redirected yet. */
async function updatedSession(): Promise<{ id: string; redirectUrl: string }> {
  const config = amazonPay.checkoutButtonConfig({
    webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW_URL },
    storeId: merchant.record.storeId,
  });
  const started = await postForm(emulator, "/checkout/start", {
    ...config,
    merchantId: merchant.record.merchantId,
  });
  const id = sessionIdFrom(started.headers.get("location"));
  await chooseOnHostedPage(emulator, id, { paymentMethodId: "visa-1111" });
  const { data } = await amazonPay.checkoutSessions.update(id, {
    webCheckoutDetails: { checkoutResultReturnUrl: RESULT_URL },
    paymentDetails: { paymentIntent: "AuthorizeWithCapture", chargeAmount: USD("10.00") },
  });
  return { id, redirectUrl: data.webCheckoutDetails?.amazonPayRedirectUrl ?? "" };
}

const complete = (id: string, idempotencyKey: string) =>
  amazonPay.checkoutSessions.complete(id, { chargeAmount: USD("10.00") }, { idempotencyKey });

describe.each([true, false])("a Complete refused as not yet (refusals saved: %s)", (saved) => {
  it(
    saved ? "is replayed for its key; a fresh key completes" : "is processed again for its key",
    async () => {
      emulator.emulator.updateConfig({ idempotencySavesClientErrors: saved });
      const { id, redirectUrl } = await updatedSession();
      await expectApiError(complete(id, "attempt-0"), 422, "InvalidCheckoutSessionStatus");
      expect((await amazonPay.checkoutSessions.get(id)).data.statusDetails.state).toBe("Open");

      await visit(redirectUrl);

      if (saved) {
        await expectApiError(complete(id, "attempt-0"), 422, "InvalidCheckoutSessionStatus");
        expect((await complete(id, "attempt-1")).data.statusDetails.state).toBe("Completed");
      } else {
        expect((await complete(id, "attempt-0")).data.statusDetails.state).toBe("Completed");
      }
    },
  );
});
