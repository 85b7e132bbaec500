import type { Metadata } from "next";
import { adminEnabled } from "@/lib/admin/auth";
import { LoginForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "Merchant sign-in", robots: { index: false } };

interface LoginPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function AdminLoginPage({ searchParams }: LoginPageProps) {
  const { next } = await searchParams;
  if (!adminEnabled()) {
    return (
      <>
        <h1>Merchant area</h1>
        <p className="notice notice--info" data-testid="admin-disabled">
          The merchant area is disabled. Set <code>ADMIN_PASSWORD</code> (at least 12 characters) on the
          server to open it.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Merchant sign-in</h1>
      <LoginForm next={typeof next === "string" ? next : null} />
    </>
  );
}
