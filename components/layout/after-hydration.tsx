"use client";

import { Suspense, useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => undefined;

/** False while the server renders and while React hydrates, true in the browser after that. */
export const useHydrated = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

/**
 * Renders its children in the browser only, after the page has hydrated: for parts that do
 * nothing on the server (pollers) and whose code, loaded lazily, stays out of the first load.
 */
export function AfterHydration({ children }: { children: ReactNode }) {
  return useHydrated() ? <Suspense fallback={null}>{children}</Suspense> : null;
}
