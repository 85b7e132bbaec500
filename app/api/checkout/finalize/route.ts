import { finalizeForMobile } from "@/lib/checkout/mobile-finalize";
import { readJsonBody } from "@/lib/http/read-json";
import { takeCheckoutRequest, tooManyRequests } from "@/lib/security/checkout-rate-limit";

// POST { checkoutSessionId, items: [{ slug, quantity }], shippingMethod? } → Finalize Checkout
// Session for a mobile app. 200 placed, 202 pending confirmation, 402 payment failed, 4xx bad input.
export async function POST(request: Request) {
  const allowed = takeCheckoutRequest(request.headers); // unauthenticated, and it makes the shop call Amazon
  if (!allowed.ok) return tooManyRequests(allowed);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const answer = await finalizeForMobile(body.value, request.headers.get("x-cart-token"));
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
