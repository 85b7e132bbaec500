import { BrandMark } from "./brand-mark";
import { CartCountBadge } from "./cart-count";

interface SiteHeaderProps {
  shopName: string;
}

// Plain links: the catalog pages are cached HTML, so an ordinary page load is quick, and no
// client router code (next/link) has to ship with every page.
export function SiteHeader({ shopName }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="brand">
          <BrandMark />
          <span>{shopName}</span>
        </a>
        <nav className="site-nav" aria-label="Main">
          <a href="/">Shop</a>
          <a href="/cart" className="cart-link">
            <span>Cart</span>
            <CartCountBadge />
          </a>
        </nav>
      </div>
    </header>
  );
}
