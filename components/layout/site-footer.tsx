interface SiteFooterProps {
  shopName: string;
  /** Where the market delivers, e.g. "the United States". */
  deliveryArea: string;
}

export function SiteFooter({ shopName, deliveryArea }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>© {shopName}. A reference storefront for Amazon Pay Checkout v2.</p>
        <p>We ship to street addresses in {deliveryArea}.</p>
      </div>
    </footer>
  );
}
