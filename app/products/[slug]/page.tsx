import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProduct } from "@/lib/catalog/server";
import { toDecimalString } from "@/lib/money";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { buyNowButtonProps } from "@/lib/checkout/buy-now";
import { CHECKOUT_NOTICES } from "@/lib/checkout/messages";
import { BuyBox } from "@/components/catalog/buy-box";
import { CheckoutNoticeFromUrl } from "@/components/catalog/checkout-notice-from-url";
import { Price } from "@/components/price";

// One HTML for every buyer, from the page cache (see lib/catalog/cached-pages.ts): rendered on
// its first request, again after five minutes or when the catalog tag is revalidated. Nothing
// here may read cookies, headers or the query string.
export const revalidate = 300;

/** None at build time: each server renders its product pages with its own settings. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  return product ? { title: product.name, description: product.description } : { title: "Product not found" };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    image: product.imagePath,
    offers: {
      "@type": "Offer",
      price: toDecimalString(product.price),
      priceCurrency: product.price.currency,
      availability: "https://schema.org/InStock",
    },
  };
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <a href="/">Shop</a> / <span aria-current="page">{product.name}</span>
      </nav>
      <article className="product">
        <div className="product__image">
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG: nothing to optimize, no script needed */}
          <img
            src={product.imagePath}
            alt={product.name}
            width={800}
            height={800}
            decoding="async"
            fetchPriority="high"
          />
        </div>
        <div>
          <h1>{product.name}</h1>
          <p className="product__price">
            <Price value={product.price} />
          </p>
          <p className="product__description">{product.description}</p>
          {/* Buy Now starts here, so a Buy Now that failed comes back here with its notice code. */}
          <CheckoutNoticeFromUrl notices={CHECKOUT_NOTICES} />
          <BuyBox
            slug={product.slug}
            productName={product.name}
            price={product.price}
            express={checkoutButtonProps()}
            buyNow={buyNowButtonProps()}
            requiresShipping={product.requiresShipping}
          />
        </div>
      </article>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
    </>
  );
}
