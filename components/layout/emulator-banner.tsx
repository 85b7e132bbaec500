interface EmulatorBannerProps {
  dashboardUrl: string;
}

/** Shown on every page while payments go to the local Amazon Pay emulator. */
export function EmulatorBanner({ dashboardUrl }: EmulatorBannerProps) {
  return (
    <section className="emulator-banner" aria-label="Payment emulator notice" data-testid="emulator-banner">
      Payments are simulated by the local Amazon Pay emulator. No real money moves.{" "}
      <a href={dashboardUrl}>Open the emulator dashboard</a>
    </section>
  );
}
