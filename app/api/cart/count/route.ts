import { getCartItemCount } from "@/lib/cart/server";

// The header's cart count (components/layout/cart-count.tsx): the pages are the same for every
// buyer, this answer is this browser's own and is never cached.
export async function GET() {
  return Response.json(
    { count: await getCartItemCount() },
    { headers: { "cache-control": "private, no-store" } },
  );
}
