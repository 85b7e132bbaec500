import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getProduct } from "@/lib/catalog/server";
import { toDecimalString } from "@/lib/money";
import { checkoutButtonProps } from "@/lib/checkout/button";
import { buyNowButtonProps } from "@/lib/checkout/buy-now";
import { BuyBox } from "@/components/catalog/buy-box";
import { Price } from "@/components/price";

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
        <Link href="/">Shop</Link> / <span aria-current="page">{product.name}</span>
      </nav>
      <article className="product">
        <div className="product__image">
          <Image
            src={product.imagePath}
            alt={product.name}
            width={800}
            height={800}
            sizes="(max-width: 820px) 100vw, 560px"
            loading="eager"
            fetchPriority="high"
          />
        </div>
        <div>
          <h1>{product.name}</h1>
          <p className="product__price">
            <Price value={product.price} />
          </p>
          <p className="product__description">{product.description}</p>
          <BuyBox
            slug={product.slug}
            productName={product.name}
            price={product.price}
            express={checkoutButtonProps()}
            buyNow={buyNowButtonProps()}
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
