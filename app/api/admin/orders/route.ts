import { isAdmin } from "@/lib/admin/auth";
import { parseStatusFilter } from "@/lib/merchant/admin-view";
import { listAdminOrders } from "@/lib/merchant/server";

// The merchant order list, polled by /admin/orders with SWR. proxy.ts guards it; the handler
// checks the session again so it never depends on the matcher alone.
export async function GET(request: Request) {
  if (!(await isAdmin()))
    return Response.json({ error: "Sign in to the merchant area first." }, { status: 401 });
  const filter = parseStatusFilter(new URL(request.url).searchParams.get("status"));
  return Response.json(
    { orders: await listAdminOrders(filter) },
    { headers: { "cache-control": "no-store" } },
  );
}
