"use client";

import { useEffect } from "react";

/** Marks <html data-hydrated> once React has hydrated the page (tests wait for it before clicking). */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
