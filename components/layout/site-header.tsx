import Link from "next/link";
import { BrandMark } from "./brand-mark";
import { CartCountBadge } from "./cart-count";

interface SiteHeaderProps {
  shopName: string;
}

export function SiteHeader({ shopName }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <BrandMark />
          <span>{shopName}</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <Link href="/">Shop</Link>
          <Link href="/cart" className="cart-link">
            <span>Cart</span>
            <CartCountBadge />
          </Link>
        </nav>
      </div>
    </header>
  );
}
