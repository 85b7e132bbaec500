interface SiteFooterProps {
  shopName: string;
}

export function SiteFooter({ shopName }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>© {shopName}. A reference storefront for Amazon Pay Checkout v2.</p>
        <p>We ship to street addresses in the United States.</p>
      </div>
    </footer>
  );
}
