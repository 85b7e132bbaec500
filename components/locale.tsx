"use client";

import { createContext, use, type ReactNode } from "react";

// The locale the shop's market writes prices in (lib/market), given once by the root layout so
// every price, on the server's HTML and in the browser, is formatted the same way.
const LocaleContext = createContext<string | null>(null);

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): string {
  const locale = use(LocaleContext);
  if (locale === null) throw new Error("useLocale() needs a <LocaleProvider> above it (app/layout.tsx)");
  return locale;
}
