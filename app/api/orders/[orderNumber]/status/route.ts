import { getBuyerOrderStatus } from "@/lib/orders/buyer-view";

// Polled by the confirmation page while a payment is pending. Only the buyer's own browser
// (cart cookie) gets an answer; everyone else gets 404, as for an unknown order.
export async function GET(_request: Request, { params }: { params: Promise<{ orderNumber: string }> }) {
  const status = await getBuyerOrderStatus((await params).orderNumber);
  if (!status)
    return Response.json(
      { error: "Order not found." },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  return Response.json(status, { headers: { "cache-control": "no-store" } });
}
