import { listProducts } from "@/lib/catalog/server";
import { ProductCard } from "@/components/catalog/product-card";

// One HTML for every buyer, from the page cache (see lib/catalog/cached-pages.ts): rendered on
// its first request, again after five minutes or when the catalog tag is revalidated.
export const revalidate = 300;

export default async function HomePage() {
  const products = await listProducts();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Goods for the coast and the trail</h1>
        <p>
          Small-batch things we use ourselves: made to last, shipped from the Pacific Northwest, paid in two
          clicks with Amazon Pay.
        </p>
      </section>
      <h2 className="visually-hidden">Products</h2>
      <ul className="product-grid" data-testid="product-grid">
        {products.map((product, index) => (
          <li key={product.id}>
            <ProductCard product={product} eager={index < 4} />
          </li>
        ))}
      </ul>
    </>
  );
}
