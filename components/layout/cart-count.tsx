"use client";

import { createContext, use, useOptimistic, type ReactNode } from "react";

interface CartCountContextValue {
  count: number;
  /** Bumps the header count at once while an add-to-cart action runs. */
  addOptimistic: (quantity: number) => void;
}

const CartCountContext = createContext<CartCountContextValue>({ count: 0, addOptimistic: () => undefined });

interface CartCountProviderProps {
  count: number;
  children: ReactNode;
}

export function CartCountProvider({ count, children }: CartCountProviderProps) {
  const [optimisticCount, addOptimistic] = useOptimistic(
    count,
    (current: number, quantity: number) => current + quantity,
  );
  return <CartCountContext value={{ count: optimisticCount, addOptimistic }}>{children}</CartCountContext>;
}

export const useCartCount = () => use(CartCountContext);

export function CartCountBadge() {
  const { count } = useCartCount();
  return (
    <>
      <span className="cart-link__count" data-testid="cart-count" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">{count === 1 ? "1 item" : `${count} items`}</span>
    </>
  );
}
