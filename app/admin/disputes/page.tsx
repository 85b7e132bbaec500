import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/admin/auth";
import { listOpenDisputes } from "@/lib/merchant/disputes-server";
import { DisputesTable } from "@/components/admin/disputes-table";
import { MerchantNav } from "@/components/admin/merchant-nav";

export const metadata: Metadata = { title: "Disputes · Merchant", robots: { index: false } };

export default async function AdminDisputesPage() {
  if (!(await isAdmin())) redirect("/admin/login?next=/admin/disputes");
  const disputes = await listOpenDisputes();
  return (
    <>
      <MerchantNav current="/admin/disputes" />
      <div className="panel__header">
        <h1>Open disputes</h1>
      </div>
      <p className="summary__note">
        Chargebacks and claims waiting for you come first, the nearest deadline at the top; then those Amazon
        Pay is reviewing, and any it reported for a payment this shop cannot match to an order.
      </p>
      <DisputesTable disputes={disputes} />
    </>
  );
}
