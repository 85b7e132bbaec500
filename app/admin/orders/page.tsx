import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin/auth";
import { adminLogoutAction } from "@/lib/admin/action";
import { ADMIN_STATUS_FILTERS, parseStatusFilter } from "@/lib/merchant/admin-view";
import { listAdminOrders } from "@/lib/merchant/server";
import { MerchantNav } from "@/components/admin/merchant-nav";
import { OrdersTable } from "@/components/admin/orders-table";

export const metadata: Metadata = { title: "Orders · Merchant", robots: { index: false } };

interface AdminOrdersPageProps {
  searchParams: Promise<{ status?: string | string[] }>;
}

const LABELS: Record<string, string> = { all: "All", "needs-action": "Needs action" };

export default async function AdminOrdersPage({ searchParams }: AdminOrdersPageProps) {
  if (!(await isAdmin())) redirect("/admin/login?next=/admin/orders");
  const filter = parseStatusFilter((await searchParams).status);
  const orders = await listAdminOrders(filter);
  return (
    <>
      <MerchantNav current="/admin/orders" />
      <div className="panel__header">
        <h1>Orders</h1>
        <form action={adminLogoutAction}>
          <button type="submit" className="button button--secondary button--small">
            Sign out
          </button>
        </form>
      </div>
      <nav aria-label="Filter orders by status" className="row" style={{ marginBottom: 16 }}>
        {ADMIN_STATUS_FILTERS.map((value) => (
          <a
            key={value}
            href={value === "all" ? "/admin/orders" : `/admin/orders?status=${value}`}
            aria-current={value === filter ? "page" : undefined}
            className={`badge ${value === filter ? "badge--ok" : ""}`}
          >
            {LABELS[value] ?? value}
          </a>
        ))}
      </nav>
      <OrdersTable filter={filter} initial={orders.map((o) => ({ ...o }))} />
    </>
  );
}
