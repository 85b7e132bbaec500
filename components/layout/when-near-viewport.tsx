"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { onIdle } from "./on-idle";

interface WhenNearViewportProps {
  children: ReactNode;
  /** The height the children will take, held meanwhile so nothing below them moves. */
  minHeight: number;
  /** How close to the viewport is near enough to start. */
  margin?: string;
}

/**
 * Renders its children once the browser is idle after hydration, or earlier if the buyer
 * scrolls their place near the viewport. What they need (their JavaScript, a third-party
 * script) then loads after the page has become interactive, not in the middle of it, even
 * when their place is in the first viewport.
 */
export function WhenNearViewport({ children, minHeight, margin = "300px" }: WhenNearViewportProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = placeholder.current;
    if (near || !element) return;
    const show = () => setNear(true);
    // The first report is where the page opened: a place in view then waits for idle too.
    let first = true;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!first && entries.some((entry) => entry.isIntersecting)) show();
        first = false;
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    const cancelIdle = onIdle(show);
    return () => {
      observer.disconnect();
      cancelIdle();
    };
  }, [near, margin]);
  if (near) return children;
  return <div ref={placeholder} style={{ minHeight }} aria-hidden="true" />;
}
