"use client";

import { usePathname } from "next/navigation";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useLayoutEffect,
  useOptimistic,
  useRef,
  useState,
  type ReactNode,
} from "react";

// The header's cart count is the buyer's own, and the pages around it are the same for every
// buyer (the catalog pages come from the page cache): the browser asks the shop for it after
// each navigation and after each add to cart. Pages that know the cart already (the cart page)
// pass it in with <CartCountFromServer>, which also follows their server actions' refreshes.

export const CART_COUNT_URL = "/api/cart/count";

interface CartCountContextValue {
  /** Items in this browser's cart; null until the shop has answered. */
  count: number | null;
  /** Bumps the count at once; call it inside the add-to-cart action's transition. */
  addOptimistic: (quantity: number) => void;
  /** A count the page was rendered with, newer than the one fetched. */
  report: (count: number) => void;
}

const CartCountContext = createContext<CartCountContextValue>({
  count: null,
  addOptimistic: () => undefined,
  report: () => undefined,
});

/** The count in the shop's answer (`{ "count": 3 }`), or null for anything else. */
export function readCartCount(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("count" in body)) return null;
  const { count } = body;
  return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 ? count : null;
}

async function fetchCartCount(signal: AbortSignal): Promise<number | null> {
  const response = await fetch(CART_COUNT_URL, { cache: "no-store", signal });
  return response.ok ? readCartCount(await response.json()) : null;
}

export function CartCountProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  // Quantities whose action has finished but whose new count has not arrived yet.
  const [held, setHeld] = useState(0);
  // Quantities whose add-to-cart action is still running (they drop out when it ends).
  const [adding, addOptimistic] = useOptimistic(0, (total: number, quantity: number) => total + quantity);
  const [asked, askAgain] = useState(0);
  const pathname = usePathname();

  useEffect(() => {
    const controller = new AbortController();
    fetchCartCount(controller.signal)
      .then((fetched) => {
        if (fetched === null) return;
        setCount(fetched);
        setHeld(0);
      })
      .catch(() => undefined); // aborted, or offline: the count shown stays
    return () => controller.abort();
  }, [pathname, asked]);

  // When an add finishes, keep its quantity on screen until the fresh count arrives (a layout
  // effect runs before paint, so the count never flickers back).
  const addingBefore = useRef(0);
  useLayoutEffect(() => {
    if (adding < addingBefore.current) {
      setHeld((total) => total + addingBefore.current - adding);
      askAgain((n) => n + 1);
    }
    addingBefore.current = adding;
  }, [adding]);

  const report = useCallback((reported: number) => {
    setCount(reported);
    setHeld(0);
  }, []);
  const value: CartCountContextValue = {
    count: count === null ? null : count + held + adding,
    addOptimistic,
    report,
  };
  return <CartCountContext value={value}>{children}</CartCountContext>;
}

export const useCartCount = () => use(CartCountContext);

/** Hands the count a dynamic page was rendered with to the header. */
export function CartCountFromServer({ count }: { count: number }) {
  const { report } = useCartCount();
  useEffect(() => report(count), [count, report]);
  return null;
}

export function CartCountBadge() {
  const { count } = useCartCount();
  if (count === null) return null;
  return (
    <>
      <span className="cart-link__count" data-testid="cart-count" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">{count === 1 ? "1 item" : `${count} items`}</span>
    </>
  );
}
