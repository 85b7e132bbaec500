import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cartUrlWithNotice } from "@/lib/checkout/messages";
import { parseCheckoutSessionId } from "@/lib/checkout/session-id";
import { completeCheckoutFormAction } from "@/lib/checkout/action";
import { CompleteCheckout } from "@/components/checkout/complete-checkout";

export const metadata: Metadata = { title: "Confirming your payment", robots: { index: false } };

interface ResultPageProps {
  searchParams: Promise<{ amazonCheckoutSessionId?: string | string[] }>;
}

// Amazon returns the buyer here after the payment step (checkoutResultReturnUrl). Rendering
// this page changes nothing; the client component completes the checkout through an action.
export default async function CheckoutResultPage({ searchParams }: ResultPageProps) {
  const sessionId = parseCheckoutSessionId((await searchParams).amazonCheckoutSessionId);
  if (!sessionId) redirect(cartUrlWithNotice("session-unknown"));
  return (
    <>
      <h1>Confirming your payment</h1>
      <CompleteCheckout sessionId={sessionId} />
      <noscript>
        <form action={completeCheckoutFormAction} data-testid="complete-without-js">
          <input type="hidden" name="sessionId" value={sessionId} />
          <button type="submit" className="button">
            Complete my order
          </button>
        </form>
      </noscript>
    </>
  );
}
