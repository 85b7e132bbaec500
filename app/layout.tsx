import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { currentMarket } from "@/lib/market/server";
import { deliveryArea } from "@/lib/pricing/shipping-rules";
import { shopSettings } from "@/lib/shop/settings";
import { CartCountProvider } from "@/components/layout/cart-count";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { EmulatorBanner } from "@/components/layout/emulator-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { name, url } = shopSettings();
  return {
    metadataBase: new URL(url),
    title: { default: `${name} · Goods for the coast`, template: `%s · ${name}` },
    description: "Small-batch goods for the coast and the trail. Pay with Amazon Pay.",
  };
}

export const viewport: Viewport = { themeColor: "#1f4d4a" };

// The same for every buyer: the catalog pages under it are served from the page cache. What is
// the buyer's own (the cart count) the browser fetches.
export default function RootLayout({ children }: { children: ReactNode }) {
  const settings = shopSettings();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {settings.emulator && <EmulatorBanner dashboardUrl={settings.emulator.dashboardUrl} />}
        <CartCountProvider>
          <SiteHeader shopName={settings.name} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </CartCountProvider>
        <SiteFooter shopName={settings.name} deliveryArea={deliveryArea(currentMarket()).description} />
        <HydrationMarker />
      </body>
    </html>
  );
}
