import type { ProductView } from "@/lib/catalog/product";
import { Price } from "@/components/price";

interface ProductCardProps {
  product: ProductView;
  /** Only the first row of cards is above the fold; those load eagerly. */
  eager?: boolean;
}

export function ProductCard({ product, eager = false }: ProductCardProps) {
  return (
    <article className="product-card">
      <a href={`/products/${product.slug}`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG: nothing to optimize, no script needed */}
        <img
          className="product-card__image"
          src={product.imagePath}
          alt=""
          width={400}
          height={400}
          loading={eager ? "eager" : "lazy"}
          decoding="async"
        />
        <div className="product-card__body">
          <h2 className="product-card__name">{product.name}</h2>
          <Price value={product.price} className="product-card__price" />
        </div>
      </a>
    </article>
  );
}
