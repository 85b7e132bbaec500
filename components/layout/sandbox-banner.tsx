interface SandboxBannerProps {
  dashboardUrl: string;
}

/** Shown on every page while payments go to the local Amazon Pay sandbox. */
export function SandboxBanner({ dashboardUrl }: SandboxBannerProps) {
  return (
    <section className="sandbox-banner" aria-label="Payment sandbox notice" data-testid="sandbox-banner">
      Payments are simulated by the local Amazon Pay sandbox. No real money moves.{" "}
      <a href={dashboardUrl}>Open the sandbox dashboard</a>
    </section>
  );
}
