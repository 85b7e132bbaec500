import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cartUrlWithNotice } from "@/lib/checkout/messages";
import { parseCheckoutSessionId } from "@/lib/checkout/session-id";
import { completeCheckoutFormAction } from "@/lib/checkout/action";
import { resultPageView } from "@/lib/checkout/complete-page";
import { CompleteCheckout } from "@/components/checkout/complete-checkout";

export const metadata: Metadata = { title: "Confirming your payment", robots: { index: false } };

interface ResultPageProps {
  searchParams: Promise<{ amazonCheckoutSessionId?: string | string[] }>;
}

// Amazon returns the buyer here after the payment step (checkoutResultReturnUrl). Rendering
// this page changes nothing; the client component completes the checkout through an action.
// A browser that does not own the order (no cart cookie, or another cart's) completes it too,
// but sees only that it is being confirmed: no order details, never a way to pay again.
export default async function CheckoutResultPage({ searchParams }: ResultPageProps) {
  const sessionId = parseCheckoutSessionId((await searchParams).amazonCheckoutSessionId);
  if (!sessionId) redirect(cartUrlWithNotice("session-unknown"));
  const view = await resultPageView(sessionId);
  return (
    <>
      {view === "buyer" ? (
        <h1>Confirming your payment</h1>
      ) : (
        <section data-testid="order-being-confirmed" aria-labelledby="confirming-title">
          <h1 id="confirming-title">Your order is being confirmed</h1>
          <p>
            Thank you. We are confirming your payment with Amazon Pay, and Amazon Pay will email you a
            confirmation. There is nothing more to do: please do not pay again.
          </p>
          <p>Your order&apos;s details are shown in the browser you shopped with.</p>
          <p>
            <a href="/">Continue shopping</a>
          </p>
        </section>
      )}
      <CompleteCheckout sessionId={sessionId} view={view} />
      {/* Without JavaScript the buyer completes with a form; a neutral page leaves it to the reconciler. */}
      {view === "buyer" && (
        <noscript>
          <form action={completeCheckoutFormAction} data-testid="complete-without-js">
            <input type="hidden" name="sessionId" value={sessionId} />
            <button type="submit" className="button">
              Complete my order
            </button>
          </form>
        </noscript>
      )}
    </>
  );
}
